import type { DataSource } from 'typeorm';
import { NodeRegistry, rowsSource, sqlSource } from '../../graphql/node/node-registry';
import { LeadsService } from './leads.service';
import { EventRow, toEvent } from './recruitment.mappers';

/** Lead and RecruitmentEvent for `node(id:)`, scoped by park. */
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
}
