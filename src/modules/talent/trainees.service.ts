import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { inTransaction } from '../../database/transaction';
import { today } from '../../graphql/scalars/date.scalar';
import { jsonProjectionSql, SqlParams, type JsonSelection } from '../../graphql/json-projection';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { Certification, ContestEntry } from './achievement.models';
import { TraineeListArgs } from './dto/talent-list.args';
import { Cohort } from './program.models';
import {
  CERTIFICATION_COLUMNS,
  CertificationRow,
  COHORT_COLUMNS,
  CohortRow,
  EntryRow,
  EVENT_COLUMNS,
  StatusEventRow,
  toCertification,
  toCohort,
  toEntry,
  toStatusEvent,
  toTrainee,
  TraineeRow,
} from './talent.mappers';
import { statusAtSql, TRAINEE_COLUMNS } from './talent-sql';
import { Trainee, TraineeStatusEvent } from './trainee.models';

/** The last 4 characters of a resident ID number, as recruiters type them. */
const LAST4 = /^\d{3}[\dXx]$/;

const SORT: KeysetSort = {
  expression: 't.name',
  key: 'sort_key',
  direction: SortDirection.ASC,
  nullable: false,
  idExpression: 't.id',
  idKey: 'id',
  cursor: { list: 'trainees', order: 'NAME_ASC', value: 'text', id: 'uuid' },
};

/** Reading people: the list recruiters work from, lookups, and the batch functions behind the loaders. */
@Injectable()
export class TraineesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The `trainees` list: by name (pinyin order), filtered, keyset-paged; statuses as of a date. */
  async list(
    actor: Actor,
    args: TraineeListArgs,
    nodes?: JsonSelection | null,
  ): Promise<Connection<Trainee>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const q = this.db
      .createQueryBuilder()
      .from('trainee', 't')
      .select(TRAINEE_COLUMNS)
      .addSelect('t.name', 'sort_key')
      .setParameter('asOf', asOf);
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('t.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('t.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.cohortId)
      q.andWhere(
        'EXISTS (SELECT 1 FROM cohort_trainee ct WHERE ct.trainee_id = t.id AND ct.cohort_id = :cohortId)',
        {
          cohortId: f.cohortId,
        },
      );
    if (f.status) q.andWhere(`${statusAtSql('t', ':asOf::date')} = :status`, { status: f.status });
    if (f.search) {
      const search = f.search.trim();
      if (LAST4.test(search))
        q.andWhere('(t.id_number_last4 = :last4 OR strpos(t.name, :search) > 0)', {
          last4: search.toUpperCase(),
          search,
        });
      else q.andWhere('strpos(t.name, :search) > 0', { search });
    }
    if (f.stalledForDays) {
      q.andWhere(`${statusAtSql('t', ':asOf::date')} IN ('APPLIED', 'ENROLLED', 'IN_TRAINING', 'IN_PARK')`);
      q.andWhere(
        `(SELECT max(e.effective_on) FROM trainee_status_event e WHERE e.trainee_id = t.id AND e.effective_on <= :asOf::date)
           <= :asOf::date - :stalledDays::int`,
        { stalledDays: f.stalledForDays },
      );
    }
    if (nodes) {
      // The nodes as PostgreSQL builds them from the selection (trainee.json-sql.ts): one JSON value per row.
      const params = new SqlParams();
      q.select('t.name', 'sort_key')
        .addSelect('t.id', 'id')
        .addSelect(jsonProjectionSql(nodes, 't', params), 'node')
        .setParameters(params.values);
      return paginate<{ sort_key: string; id: string; node: Trainee }, Trainee>(q, SORT, args, (r) => r.node);
    }
    return paginate<TraineeRow & { sort_key: string }, Trainee>(q, SORT, args, (r) => toTrainee(r, asOf));
  }

  /** One person of the actor's parks, or null. */
  async find(actor: Actor, id: string): Promise<Trainee | null> {
    const [row] = await this.db.query<TraineeRow[]>(
      `SELECT ${TRAINEE_COLUMNS} FROM trainee t WHERE t.id = $1 AND ($2::uuid[] IS NULL OR t.park_id = ANY($2))`,
      [id, parkScope(actor)],
    );
    return row ? toTrainee(row) : null;
  }

  /** Batch: people by id, in key order. */
  async byIds(ids: readonly string[]): Promise<(Trainee | null)[]> {
    const rows = await this.db.query<TraineeRow[]>(
      `SELECT ${TRAINEE_COLUMNS} FROM trainee t WHERE t.id = ANY($1)`,
      [ids],
    );
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toTrainee(r),
    );
  }

  /** Batch: each trainee's status event in force on a date (null before the first). */
  async statusesOn(ids: readonly string[], date: string): Promise<(TraineeStatusEvent | null)[]> {
    const rows = await this.db.query<StatusEventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM unnest($1::uuid[]) AS k(id)
       JOIN LATERAL (SELECT * FROM trainee_status_event e WHERE e.trainee_id = k.id AND e.effective_on <= $2::date
                     ORDER BY e.effective_on DESC, e.id DESC LIMIT 1) e ON true`,
      [ids, date],
    );
    return oneByKey(ids, rows, (r) => r.trainee_id, toStatusEvent);
  }

  /** Batch: each trainee's status history, oldest first. */
  async histories(ids: readonly string[]): Promise<TraineeStatusEvent[][]> {
    const rows = await this.db.query<StatusEventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM trainee_status_event e WHERE e.trainee_id = ANY($1) ORDER BY e.effective_on, e.id`,
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.trainee_id, toStatusEvent);
  }

  /** Batch: each person's cohorts, by intake date. */
  async cohortsOf(ids: readonly string[]): Promise<Cohort[][]> {
    const rows = await this.db.query<(CohortRow & { trainee_id: string })[]>(
      `SELECT ${COHORT_COLUMNS}, ct.trainee_id FROM cohort_trainee ct JOIN cohort c ON c.id = ct.cohort_id
       WHERE ct.trainee_id = ANY($1) ORDER BY c.intake_on, c.code`,
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.trainee_id, toCohort);
  }

  /** Batch: each person's certificates, newest first. */
  async certificationsOf(ids: readonly string[]): Promise<Certification[][]> {
    const rows = await this.db.query<CertificationRow[]>(
      `SELECT ${CERTIFICATION_COLUMNS} FROM certification c WHERE c.trainee_id = ANY($1) ORDER BY c.issued_on DESC, c.id`,
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.trainee_id, toCertification);
  }

  /** Batch: each person's contest entries, newest contest first. */
  async entriesOf(ids: readonly string[]): Promise<ContestEntry[][]> {
    const rows = await this.db.query<EntryRow[]>(
      `SELECT ce.* FROM contest_entry ce JOIN contest k ON k.id = ce.contest_id
       WHERE ce.trainee_id = ANY($1) ORDER BY k.starts_on DESC, ce.id`,
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.trainee_id, toEntry);
  }

  /**
   * Records that the caller read these people's full ID numbers: ONE audit entry for the batch (a list's worth, as
   * the per-request loader gathers them), naming the people and never the numbers.
   */
  async auditIdNumberReads(actor: Actor, ids: readonly string[]): Promise<void> {
    await inTransaction(this.db, async (m) => {
      const parks = await m.query<{ park_id: string }[]>(
        'SELECT DISTINCT park_id FROM trainee WHERE id = ANY($1)',
        [ids],
      );
      await writeAudit(m, actor, [
        {
          entityType: 'TraineeIdNumberRead',
          entityId: actor.requestId ?? randomUUID(),
          parkId: parks.length === 1 ? parks[0].park_id : null,
          before: null,
          after: { traineeIds: [...ids], count: ids.length },
          reason: 'full resident ID numbers shown',
        },
      ]);
    });
  }
}
