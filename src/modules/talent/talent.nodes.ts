import type { DataSource } from 'typeorm';
import { NodeRegistry, parkScoped, rowsSource, sqlSource } from '../../graphql/node/node-registry';
import { ProgramsService } from './programs.service';
import { TalentFiguresService } from './talent-figures.service';
import { talentLoaders } from './talent.loaders';
import {
  CERTIFICATION_COLUMNS,
  CertificationRow,
  EntryRow,
  EVENT_COLUMNS,
  StatusEventRow,
  toCertification,
  toEntry,
  toStatusEvent,
} from './talent.mappers';

/**
 * Trainee, Program, Contest, Cohort, Certification, ContestEntry, TalentTarget and TraineeStatusEvent for `node(id:)`,
 * by park.
 */
export function registerTalentNodes(
  nodes: NodeRegistry,
  db: DataSource,
  programs: ProgramsService,
  figures: TalentFiguresService,
): void {
  nodes.register(
    'Trainee',
    parkScoped(
      (id, ctx) => talentLoaders(ctx).trainee.load(id),
      (t) => t.parkId,
    ),
  );
  nodes.register(
    'Program',
    parkScoped(
      (id, ctx) => talentLoaders(ctx).program.load(id),
      (p) => p.parkId,
    ),
  );
  nodes.register(
    'Contest',
    parkScoped(
      (id, ctx) => talentLoaders(ctx).contest.load(id),
      (c) => c.parkId,
    ),
  );
  nodes.register(
    'Cohort',
    rowsSource(
      'Cohort',
      (ids, actor) => programs.cohortsByIds(actor, ids),
      (c) => c,
    ),
  );
  nodes.register(
    'TalentTarget',
    rowsSource(
      'TalentTarget',
      (ids, actor) => figures.targetsByIds(actor, ids),
      (t) => t,
    ),
  );
  nodes.register(
    'Certification',
    sqlSource<CertificationRow>(
      'Certification',
      db,
      `SELECT ${CERTIFICATION_COLUMNS} FROM certification c WHERE c.id = ANY($1) AND ($2::uuid[] IS NULL OR c.park_id = ANY($2))`,
      toCertification,
    ),
  );
  nodes.register(
    'ContestEntry',
    sqlSource<EntryRow>(
      'ContestEntry',
      db,
      'SELECT * FROM contest_entry e WHERE e.id = ANY($1) AND ($2::uuid[] IS NULL OR e.park_id = ANY($2))',
      toEntry,
    ),
  );
  nodes.register(
    'TraineeStatusEvent',
    sqlSource<StatusEventRow>(
      'TraineeStatusEvent',
      db,
      `SELECT ${EVENT_COLUMNS} FROM trainee_status_event e JOIN trainee t ON t.id = e.trainee_id
       WHERE e.id = ANY($1) AND ($2::uuid[] IS NULL OR t.park_id = ANY($2))`,
      toStatusEvent,
      { numericKeys: true },
    ),
  );
}
