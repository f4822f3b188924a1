import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { NotFoundError, UserInputError } from '../../common/errors/app-error';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { inTransaction } from '../../database/transaction';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { CreateCohortInput, CreateProgramInput } from './dto/program.inputs';
import { Cohort, Program } from './program.models';
import { TalentErrors } from './talent.errors';
import { COHORT_COLUMNS, CohortRow, ProgramRow, toCohort, toProgram } from './talent.mappers';

/** Programs and cohorts: reads, batch functions, and their creation. */
@Injectable()
export class ProgramsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async programs(actor: Actor, parkCode: string): Promise<Program[]> {
    const parkId = await requireParkId(this.db.manager, actor, parkCode);
    const rows = await this.db.query<ProgramRow[]>(
      'SELECT * FROM talent_program WHERE park_id = $1 ORDER BY code',
      [parkId],
    );
    return rows.map(toProgram);
  }

  async cohorts(actor: Actor, parkCode: string, programCode?: string): Promise<Cohort[]> {
    const parkId = await requireParkId(this.db.manager, actor, parkCode);
    const rows = await this.db.query<CohortRow[]>(
      `SELECT ${COHORT_COLUMNS} FROM cohort c JOIN talent_program p ON p.id = c.program_id
       WHERE c.park_id = $1 AND ($2::text IS NULL OR p.code = $2) ORDER BY c.intake_on, c.code`,
      [parkId, programCode ?? null],
    );
    return rows.map(toCohort);
  }

  /** Batch (node/nodes): the cohorts of `ids` within the caller's parks, in no order; one statement. */
  async cohortsByIds(actor: Actor, ids: readonly string[]): Promise<Cohort[]> {
    const rows = await this.db.query<CohortRow[]>(
      `SELECT ${COHORT_COLUMNS} FROM cohort c WHERE c.id = ANY($1) AND ($2::uuid[] IS NULL OR c.park_id = ANY($2))`,
      [ids, parkScope(actor)],
    );
    return rows.map(toCohort);
  }

  async cohort(actor: Actor, id: string): Promise<Cohort | null> {
    const [row] = await this.db.query<CohortRow[]>(
      `SELECT ${COHORT_COLUMNS} FROM cohort c WHERE c.id = $1 AND ($2::uuid[] IS NULL OR c.park_id = ANY($2))`,
      [id, parkScope(actor)],
    );
    return row ? toCohort(row) : null;
  }

  /** Batch: programs by id. */
  async programsByIds(ids: readonly string[]): Promise<(Program | null)[]> {
    const rows = await this.db.query<ProgramRow[]>('SELECT * FROM talent_program WHERE id = ANY($1)', [ids]);
    return oneByKey(ids, rows, (r) => r.id, toProgram);
  }

  /** Batch: each program's cohorts, by intake date. */
  async cohortsOfPrograms(ids: readonly string[]): Promise<Cohort[][]> {
    const rows = await this.db.query<CohortRow[]>(
      `SELECT ${COHORT_COLUMNS} FROM cohort c WHERE c.program_id = ANY($1) ORDER BY c.intake_on, c.code`,
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.program_id, toCohort);
  }

  /** Batch: members of each cohort. */
  async memberCounts(ids: readonly string[]): Promise<number[]> {
    const rows = await this.db.query<{ cohort_id: string; n: number }[]>(
      'SELECT cohort_id, count(*)::int AS n FROM cohort_trainee WHERE cohort_id = ANY($1) GROUP BY cohort_id',
      [ids],
    );
    return oneByKey(
      ids,
      rows,
      (r) => r.cohort_id,
      (r) => r.n,
    ).map((n) => n ?? 0);
  }

  async createProgram(actor: Actor, input: CreateProgramInput): Promise<Program> {
    return inTransaction(this.db, async (m) => {
      const parkId = await requireParkId(m, actor, input.parkCode);
      const [row] = await this.insertOnce<ProgramRow>(
        () =>
          m.query<ProgramRow[]>(
            'INSERT INTO talent_program (park_id, code, name, name_en) VALUES ($1, $2, $3, $4) RETURNING *',
            [parkId, input.code, input.name, input.nameEn ?? null],
          ),
        'talent_program',
        'Program',
        input.code,
      );
      await writeAudit(m, actor, [
        { entityType: 'Program', entityId: row.id, parkId, before: null, after: input },
      ]);
      return toProgram(row);
    });
  }

  async createCohort(actor: Actor, input: CreateCohortInput): Promise<Cohort> {
    return inTransaction(this.db, async (m) => {
      const parkId = await requireParkId(m, actor, input.parkCode);
      const [program] = await m.query<{ id: string }[]>(
        'SELECT id FROM talent_program WHERE park_id = $1 AND code = $2',
        [parkId, input.programCode],
      );
      if (!program) throw new NotFoundError('Program', input.programCode);
      let zoneId: string | null = null;
      if (input.zoneCode) {
        const [zone] = await m.query<{ id: string }[]>(
          'SELECT id FROM zone WHERE park_id = $1 AND code = $2',
          [parkId, input.zoneCode],
        );
        if (!zone) throw new NotFoundError('Zone', input.zoneCode);
        zoneId = zone.id;
      }
      const [row] = await this.insertOnce<CohortRow>(
        () =>
          m.query<CohortRow[]>(
            `INSERT INTO cohort (park_id, program_id, code, name, intake_on, planned_size, zone_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             RETURNING id, park_id, program_id, zone_id, code, name, intake_on::text AS intake_on, planned_size`,
            [parkId, program.id, input.code, input.name, input.intakeOn, input.plannedSize, zoneId],
          ),
        'cohort',
        'Cohort',
        input.code,
      );
      await this.linkInstitutions(m, row.id, parkId, input.institutionIds ?? []);
      await writeAudit(m, actor, [
        { entityType: 'Cohort', entityId: row.id, parkId, before: null, after: input },
      ]);
      return toCohort(row);
    });
  }

  /** Batch: the ids of the institutions delivering each cohort. */
  async institutionIdsOf(ids: readonly string[]): Promise<string[][]> {
    const rows = await this.db.query<{ cohort_id: string; institution_id: string }[]>(
      `SELECT ci.cohort_id, ci.institution_id FROM cohort_institution ci JOIN institution i ON i.id = ci.institution_id
       WHERE ci.cohort_id = ANY($1) ORDER BY i.name`,
      [ids],
    );
    return manyByKey(
      ids,
      rows,
      (r) => r.cohort_id,
      (r) => r.institution_id,
    );
  }

  /** Links the delivering institutions; each must be in the park's partner register (row index in the error). */
  private async linkInstitutions(
    m: EntityManager,
    cohortId: string,
    parkId: string,
    ids: string[],
  ): Promise<void> {
    if (ids.length === 0) return;
    const known = await m.query<{ id: string }[]>(
      'SELECT id FROM institution WHERE park_id = $1 AND id = ANY($2)',
      [parkId, ids],
    );
    const found = new Set(known.map((k) => k.id));
    const missing = ids.flatMap((id, i) =>
      found.has(id)
        ? []
        : [{ field: `input.institutionIds.${i}`, message: 'is not an institution of the park' }],
    );
    if (missing.length) throw new UserInputError(missing);
    await m.query(
      `INSERT INTO cohort_institution (cohort_id, institution_id, park_id)
       SELECT $1, x.id, $3 FROM unnest($2::uuid[]) AS x(id) ON CONFLICT DO NOTHING`,
      [cohortId, ids, parkId],
    );
  }

  /** Runs an INSERT whose only expected failure is a taken code (CONFLICT, checked by the unique index). */
  private async insertOnce<R>(
    insert: () => Promise<R[]>,
    table: 'talent_program' | 'cohort',
    label: string,
    code: string,
  ): Promise<R[]> {
    try {
      return await insert();
    } catch (error) {
      if (pgError(error).code === PG_UNIQUE_VIOLATION) throw TalentErrors.codeTaken(table, label, code);
      throw error;
    }
  }
}
