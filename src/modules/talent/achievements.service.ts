import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, FieldError, NotFoundError, UserInputError } from '../../common/errors/app-error';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { manyByKey, oneByKey } from '../../common/batch';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { inTransaction } from '../../database/transaction';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { Certification, Contest, ContestEntry } from './achievement.models';
import {
  CreateContestInput,
  CreateTalentTargetInput,
  RecordCertificationInput,
  RecordContestEntriesInput,
} from './dto/achievement.inputs';
import { CertificationListArgs } from './dto/talent-list.args';
import { TalentErrors } from './talent.errors';
import {
  CERTIFICATION_COLUMNS,
  CertificationRow,
  CONTEST_COLUMNS,
  ContestRow,
  EntryRow,
  toCertification,
  toContest,
  toEntry,
} from './talent.mappers';

const CERT_SORT: KeysetSort = {
  expression: 'c.issued_on',
  key: 'sort_key',
  direction: SortDirection.DESC,
  nullable: false,
  idExpression: 'c.id',
  idKey: 'id',
  cursor: { list: 'certifications', order: 'ISSUED_ON_DESC', value: 'date', id: 'uuid' },
};

/** Rethrows a unique violation as the CONFLICT given; anything else as is. */
function uniqueAs(error: unknown, conflict: ConflictError): never {
  if (pgError(error).code === PG_UNIQUE_VIOLATION) throw conflict;
  throw error;
}

/** Certificates, contests with their entries, and targets. */
@Injectable()
export class AchievementsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async certifications(actor: Actor, args: CertificationListArgs): Promise<Connection<Certification>> {
    const f = args.filter ?? {};
    const q = this.db
      .createQueryBuilder()
      .from('certification', 'c')
      .select(CERTIFICATION_COLUMNS)
      .addSelect('c.issued_on::text', 'sort_key');
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('c.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('c.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.level) q.andWhere('c.level = :level', { level: f.level });
    if (f.occupation) q.andWhere('c.occupation = :occupation', { occupation: f.occupation });
    if (args.asOf) q.andWhere('c.issued_on <= :asOf::date', { asOf: args.asOf });
    return paginate<CertificationRow & { sort_key: string }, Certification>(
      q,
      CERT_SORT,
      args,
      toCertification,
    );
  }

  async contests(actor: Actor, parkCode: string): Promise<Contest[]> {
    const parkId = await requireParkId(this.db.manager, actor, parkCode);
    const rows = await this.db.query<ContestRow[]>(
      `SELECT ${CONTEST_COLUMNS} FROM contest k WHERE k.park_id = $1 ORDER BY k.starts_on DESC, k.name`,
      [parkId],
    );
    return rows.map(toContest);
  }

  /** Batch: contests by id. */
  async contestsByIds(ids: readonly string[]): Promise<(Contest | null)[]> {
    const rows = await this.db.query<ContestRow[]>(
      `SELECT ${CONTEST_COLUMNS} FROM contest k WHERE k.id = ANY($1)`,
      [ids],
    );
    return oneByKey(ids, rows, (r) => r.id, toContest);
  }

  /** Batch: each contest's entries, by rank (unranked last). */
  async entriesOfContests(ids: readonly string[]): Promise<ContestEntry[][]> {
    const rows = await this.db.query<EntryRow[]>(
      'SELECT * FROM contest_entry WHERE contest_id = ANY($1) ORDER BY rank NULLS LAST, id',
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.contest_id, toEntry);
  }

  async recordCertification(actor: Actor, input: RecordCertificationInput): Promise<Certification> {
    if (input.expiresOn && input.expiresOn <= input.issuedOn) throw TalentErrors.expiresBeforeIssue();
    return inTransaction(this.db, async (m) => {
      const person = await this.person(m, actor, input.traineeId);
      const [row] = await m
        .query<CertificationRow[]>(
          `INSERT INTO certification (park_id, trainee_id, occupation, level, certificate_number, issuer, issued_on, expires_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${CERTIFICATION_COLUMNS.replace(/c\./g, '')}`,
          [
            person.park_id,
            person.id,
            input.occupation,
            input.level,
            input.certificateNumber,
            input.issuer,
            input.issuedOn,
            input.expiresOn ?? null,
          ],
        )
        .catch((e: unknown) => uniqueAs(e, TalentErrors.certificateTaken()));
      const { certificateNumber: _number, ...after } = input;
      await writeAudit(m, actor, [
        { entityType: 'Certification', entityId: row.id, parkId: person.park_id, before: null, after },
      ]);
      return toCertification(row);
    });
  }

  async createContest(actor: Actor, input: CreateContestInput): Promise<Contest> {
    if (input.endsOn < input.startsOn) throw TalentErrors.contestDates();
    return inTransaction(this.db, async (m) => {
      const parkId = await requireParkId(m, actor, input.parkCode);
      const [row] = await m
        .query<ContestRow[]>(
          `INSERT INTO contest (park_id, name, level, round, host, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
           RETURNING ${CONTEST_COLUMNS.replace(/k\./g, '')}`,
          [parkId, input.name, input.level, input.round, input.host, input.startsOn, input.endsOn],
        )
        .catch((e: unknown) => uniqueAs(e, TalentErrors.contestTaken()));
      await writeAudit(m, actor, [
        { entityType: 'Contest', entityId: row.id, parkId, before: null, after: input },
      ]);
      return toContest(row);
    });
  }

  /** Entries of a contest, all-or-nothing: every row's problems are reported with its index; one INSERT. */
  async recordEntries(actor: Actor, input: RecordContestEntriesInput): Promise<ContestEntry[]> {
    return inTransaction(this.db, async (m) => {
      const [contest] = await m.query<{ id: string; park_id: string }[]>(
        'SELECT id, park_id FROM contest WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2)) FOR NO KEY UPDATE',
        [input.contestId, parkScope(actor)],
      );
      if (!contest) throw new NotFoundError('Contest', input.contestId);
      const ids = input.entries.map((e) => e.traineeId);
      const known = await m.query<{ id: string; entered: boolean }[]>(
        `SELECT t.id, EXISTS (SELECT 1 FROM contest_entry ce WHERE ce.contest_id = $2 AND ce.trainee_id = t.id) AS entered
         FROM trainee t WHERE t.id = ANY($1) AND t.park_id = $3`,
        [ids, contest.id, contest.park_id],
      );
      const byId = new Map(known.map((k) => [k.id, k]));
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      input.entries.forEach((e, i) => {
        const field = `input.entries.${i}.traineeId`;
        const k = byId.get(e.traineeId);
        if (!k) errors.push({ field, message: 'is not a person of the contest’s park' });
        else if (k.entered) errors.push({ field, message: 'already has an entry in this contest' });
        else if (seen.has(e.traineeId)) errors.push({ field, message: 'appears twice in this list' });
        seen.add(e.traineeId);
      });
      if (errors.length)
        throw new UserInputError(
          errors,
          `Nothing was written: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
        );
      const rows = await m
        .query<EntryRow[]>(
          `INSERT INTO contest_entry (park_id, contest_id, trainee_id, result, rank, award, recommended)
           SELECT $1, $2, x.trainee_id, x.result, x.rank, x.award, x.recommended
           FROM unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::boolean[])
                AS x(trainee_id, result, rank, award, recommended)
           RETURNING *`,
          [
            contest.park_id,
            contest.id,
            ids,
            input.entries.map((e) => e.result ?? null),
            input.entries.map((e) => e.rank ?? null),
            input.entries.map((e) => e.award ?? null),
            input.entries.map((e) => e.recommended ?? false),
          ],
        )
        .catch((e: unknown) =>
          uniqueAs(
            e,
            new ConflictError('A concurrent request entered one of these people', { field: 'entries' }),
          ),
        );
      await writeAudit(m, actor, [
        {
          entityType: 'Contest',
          entityId: contest.id,
          parkId: contest.park_id,
          before: null,
          after: { entries: rows.length, recommended: rows.filter((r) => r.recommended).length },
        },
      ]);
      const byTrainee = new Map(rows.map((r) => [r.trainee_id, toEntry(r)]));
      return ids.map((id) => byTrainee.get(id)!);
    });
  }

  async createTarget(actor: Actor, input: CreateTalentTargetInput): Promise<{ id: string; parkId: string }> {
    if (input.dueOn <= input.startsOn) throw TalentErrors.targetDates();
    return inTransaction(this.db, async (m) => {
      const parkId = await requireParkId(m, actor, input.parkCode);
      let programId: string | null = null;
      if (input.programCode) {
        const [p] = await m.query<{ id: string }[]>(
          'SELECT id FROM talent_program WHERE park_id = $1 AND code = $2',
          [parkId, input.programCode],
        );
        if (!p) throw new NotFoundError('Program', input.programCode);
        programId = p.id;
      }
      const [row] = await m
        .query<{ id: string }[]>(
          `INSERT INTO talent_target (park_id, name, metric, program_id, value, starts_on, due_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [parkId, input.name, input.metric, programId, input.value, input.startsOn, input.dueOn],
        )
        .catch((e: unknown) => uniqueAs(e, TalentErrors.targetTaken()));
      await writeAudit(m, actor, [
        { entityType: 'TalentTarget', entityId: row.id, parkId, before: null, after: input },
      ]);
      return { id: row.id, parkId };
    });
  }

  /** A person of the actor's parks (erased ones included: their certificates still count). */
  private async person(m: EntityManager, actor: Actor, id: string): Promise<{ id: string; park_id: string }> {
    const [row] = await m.query<{ id: string; park_id: string }[]>(
      'SELECT id, park_id FROM trainee WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2)) FOR KEY SHARE',
      [id, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('Trainee', id);
    return row;
  }
}
