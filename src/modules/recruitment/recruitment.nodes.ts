import type { DataSource } from 'typeorm';
import { NodeRegistry, rowsSource, sqlSource } from '../../graphql/node/node-registry';
import { LeadsService } from './leads.service';
import { EventRow, StageChangeRow, toEvent, toStageChange } from './recruitment.mappers';

/** Lead, RecruitmentEvent and LeadStageChange for `node(id:)`, scoped by park. */
export function registerRecruitmentNodes(nodes: NodeRegistry, db: DataSource, leads: LeadsService): void {
  nodes.register(
    'Lead',
    rowsSource(
      'Lead',
      (ids, actor) => leads.findMany(actor, ids),
      (l) => l,
    ),
  );
  nodes.register(
    'RecruitmentEvent',
    sqlSource<EventRow>(
      'RecruitmentEvent',
      db,
      'SELECT ev.* FROM recruitment_event ev WHERE ev.id = ANY($1) AND ($2::uuid[] IS NULL OR ev.park_id = ANY($2))',
      toEvent,
    ),
  );
  nodes.register(
    'LeadStageChange',
    sqlSource<StageChangeRow>(
      'LeadStageChange',
      db,
      `SELECT e.id, e.lead_id, e.stage, e.effective_on, e.note FROM lead_stage_event e JOIN lead l ON l.id = e.lead_id
       WHERE e.id = ANY($1) AND ($2::uuid[] IS NULL OR l.park_id = ANY($2))`,
      toStageChange,
    ),
  );
}
