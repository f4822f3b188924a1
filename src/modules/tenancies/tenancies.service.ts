import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../../database/transaction';
import { DataSource, EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { ConflictError, NotFoundError, UserInputError } from '../../common/errors/app-error';
import { PG_CHECK_VIOLATION, PG_EXCLUSION_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/keyset';
import { today } from '../../graphql/scalars/date.scalar';
import {
  AdvanceTenancyStageInput,
  CorrectTenancyStageInput,
  EndTenancyInput,
  TenancyListArgs,
} from './dto/tenancy.inputs';
import type { ResolvedLeaseInput } from './lease-keys';
import { holdsOnSql, stageOnSql } from './stage-sql';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { StageEventKind, TenancyStage } from './tenancy.enums';
import { StageEventRow, TenancyRow, toStageEvent, toTenancy } from './tenancy.mappers';
import { Tenancy, TenancyStageEvent } from './tenancy.models';
import { TenancyHooks } from './tenancy-hooks';
import { allowedMoves, latestStage, stageColumn } from './tenancy-stages';

/** Leasing units and moving tenancies through their stages. Every write is one transaction. */
@Injectable()
export class TenanciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hooks: TenancyHooks,
  ) {}

  /** Batch: the tenancy holding each unit on a date (null when vacant), in key order. */
  async holdingUnitsOn(unitIds: readonly string[], date: string): Promise<(Tenancy | null)[]> {
    const rows = await this.db.query<TenancyRow[]>(
      `SELECT * FROM tenancy t WHERE t.unit_id = ANY($1) AND t.starts_on <= $2 AND (t.ends_on IS NULL OR t.ends_on > $2)`,
      [unitIds, date],
    );
    return oneByKey(
      unitIds,
      rows,
      (r) => r.unit_id,
      (r) => toTenancy(r, date),
    );
  }

  /** Batch: every tenancy of each unit, oldest first. */
  async byUnitIds(unitIds: readonly string[]): Promise<Tenancy[][]> {
    const rows = await this.db.query<TenancyRow[]>(
      'SELECT * FROM tenancy WHERE unit_id = ANY($1) ORDER BY starts_on, id',
      [unitIds],
    );
    return manyByKey(
      unitIds,
      rows,
      (r) => r.unit_id,
      (r) => toTenancy(r),
    );
  }

  /** Batch: every tenancy of each enterprise, oldest first. */
  async byEnterpriseIds(enterpriseIds: readonly string[]): Promise<Tenancy[][]> {
    const rows = await this.db.query<TenancyRow[]>(
      'SELECT * FROM tenancy WHERE enterprise_id = ANY($1) ORDER BY starts_on, id',
      [enterpriseIds],
    );
    return manyByKey(
      enterpriseIds,
      rows,
      (r) => r.enterprise_id,
      (r) => toTenancy(r),
    );
  }

  /** Batch: stage history of each tenancy, in the order it was recorded. */
  async historyOf(tenancyIds: readonly string[]): Promise<TenancyStageEvent[][]> {
    const rows = await this.db.query<StageEventRow[]>(
      'SELECT * FROM tenancy_stage_event WHERE tenancy_id = ANY($1) ORDER BY recorded_at, id',
      [tenancyIds],
    );
    return manyByKey(tenancyIds, rows, (r) => r.tenancy_id, toStageEvent);
  }

  /** One tenancy of a unit in the actor's parks, or null. */
  /** Batch (node/nodes): the tenancies of `ids` within the caller's parks, in no order; one statement. */
  async findMany(actor: Actor, ids: readonly string[]): Promise<Tenancy[]> {
    const rows = await this.db.query<TenancyRow[]>(
      `SELECT t.* FROM tenancy t JOIN unit u ON u.id = t.unit_id
       WHERE t.id = ANY($1) AND ($2::uuid[] IS NULL OR u.park_id = ANY($2))`,
      [ids, parkScope(actor)],
    );
    return rows.map((row) => toTenancy(row));
  }

  async find(actor: Actor, id: string): Promise<Tenancy | null> {
    const [row] = await this.db.query<TenancyRow[]>(
      `SELECT t.* FROM tenancy t JOIN unit u ON u.id = t.unit_id
       WHERE t.id = $1 AND ($2::uuid[] IS NULL OR u.park_id = ANY($2))`,
      [id, parkScope(actor)],
    );
    return row ? toTenancy(row) : null;
  }

  async list(actor: Actor, args: TenancyListArgs): Promise<Connection<Tenancy>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const q = this.db
      .createQueryBuilder()
      .from('tenancy', 't')
      .select('t.*')
      .addSelect('t.starts_on::text', 'sort_key')
      .setParameter('asOf', asOf);
    q.innerJoin('unit', 'u', 'u.id = t.unit_id');
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('u.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('u.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.zoneCode) {
      q.andWhere('u.zone_id IN (SELECT id FROM zone WHERE code = :zoneCode)', { zoneCode: f.zoneCode });
    }
    if (f.enterpriseId) q.andWhere('t.enterprise_id = :enterpriseId', { enterpriseId: f.enterpriseId });
    if (f.unitId) q.andWhere('t.unit_id = :unitId', { unitId: f.unitId });
    if (f.stage === TenancyStage.ENDED) q.andWhere('t.ends_on <= :asOf');
    else q.andWhere(holdsOnSql('t', 'asOf'));
    if (f.stage && f.stage !== TenancyStage.ENDED)
      q.andWhere(`${stageOnSql('t', 'asOf')} = :stage`, { stage: f.stage });
    const sort = {
      expression: 't.starts_on',
      key: 'sort_key',
      direction: SortDirection.ASC,
      nullable: false,
      idExpression: 't.id',
      idKey: 'id',
      cursor: { list: 'tenancies', order: 'STARTS_ON_ASC', value: 'date', id: 'uuid' },
    } as const;
    return paginate<TenancyRow & { sort_key: string }, Tenancy>(q, sort, args, (row) => toTenancy(row, asOf));
  }

  /**
   * Lets the units to the enterprise: all or none. The exclusion constraint `tenancy_unit_no_overlap` decides races;
   * the check before it only makes the common case's message better.
   */
  async lease(actor: Actor, input: ResolvedLeaseInput): Promise<Tenancy[]> {
    try {
      return await inTransaction(this.db, (m) => this.leaseIn(m, actor, input));
    } catch (error) {
      throw await this.leaseError(actor, input, error);
    }
  }

  /**
   * The lease itself, inside the caller's transaction `m` (convertLead leases units in its own transaction this
   * way). A caller must pass what it catches to leaseError once its transaction has rolled back.
   */
  async leaseIn(m: EntityManager, actor: Actor, input: ResolvedLeaseInput): Promise<Tenancy[]> {
    const stage = input.stage ?? TenancyStage.RESERVED;
    if (stage === TenancyStage.ENDED) {
      throw UserInputError.field('input.stage', 'must be RESERVED, FITTING_OUT or OPERATING');
    }
    const codes = [...new Set(input.unitCodes)];
    if (codes.length !== input.unitCodes.length)
      throw UserInputError.field('input.unitCodes', 'must not repeat a code');
    const parkId = await requireParkId(m, actor, input.parkCode);
    // The enterprise must be in the same park's register (another park's is as good as unknown here).
    const [enterprise] = await m.query<{ id: string }[]>(
      'SELECT id FROM enterprise WHERE id = $1 AND park_id = $2',
      [input.enterpriseId, parkId],
    );
    if (!enterprise) throw new NotFoundError('Enterprise', input.enterpriseId);
    // Lock the units, always in id order, before checking and inserting: concurrent leases of overlapping sets
    // then queue on the first unit they share instead of deadlocking inside the exclusion constraint, and the
    // check below sees whatever the previous holder of the lock committed.
    const units = await m.query<{ id: string; code: string; leasable: boolean }[]>(
      `SELECT u.id, u.code, u.leasable FROM unit u WHERE u.park_id = $1 AND u.code = ANY($2)
       ORDER BY u.id FOR NO KEY UPDATE`,
      [parkId, codes],
    );
    const missing = codes.filter((c) => !units.some((u) => u.code === c));
    if (missing.length) throw new NotFoundError('Unit', `${input.parkCode}/${missing.join(', ')}`);
    const unleasable = units.filter((u) => !u.leasable).map((u) => u.code);
    if (unleasable.length) {
      throw UserInputError.field(
        'input.unitCodes',
        `includes units that are not leasable: ${unleasable.join(', ')}`,
      );
    }
    await this.assertFree(
      m,
      units.map((u) => u.id),
      input.startsOn,
    );
    const from = input.startsOn;
    const rows = await m.query<TenancyRow[]>(
      `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on, fitting_out_from, operating_from)
       SELECT $6, unnest($1::uuid[]), $2, $3::date, $4::date, $5::date RETURNING *`,
      [
        units.map((u) => u.id),
        input.enterpriseId,
        from,
        stage === TenancyStage.FITTING_OUT ? from : null,
        stage === TenancyStage.OPERATING ? from : null,
        parkId,
      ],
    );
    await m.query(
      `INSERT INTO tenancy_stage_event (tenancy_id, kind, stage, effective_on, note)
       SELECT unnest($1::uuid[]), 'CHANGE', $2, $3, $4`,
      [rows.map((r) => r.id), stage, from, input.note ?? null],
    );
    await writeAudit(
      m,
      actor,
      rows.map((r) => ({
        entityType: 'Tenancy',
        entityId: r.id,
        parkId,
        before: null,
        after: r,
        reason: input.note,
      })),
    );
    const order = new Map(input.unitCodes.map((c, i) => [units.find((u) => u.code === c)!.id, i]));
    return rows.sort((a, b) => order.get(a.unit_id)! - order.get(b.unit_id)!).map((r) => toTenancy(r));
  }

  /** What a failed lease tells the client: a lost race on a unit becomes CONFLICT naming it; anything else as is. */
  async leaseError(actor: Actor, input: ResolvedLeaseInput, error: unknown): Promise<unknown> {
    const codes = [...new Set(input.unitCodes)];
    if (pgError(error).code === PG_EXCLUSION_VIOLATION) {
      // Lost a race: someone took one of the units between our check and our insert. Nothing was written.
      const unitIds = await this.db.query<{ id: string }[]>(
        `SELECT u.id FROM unit u JOIN park p ON p.id = u.park_id
         WHERE p.code = $1 AND u.code = ANY($2) AND ($3::uuid[] IS NULL OR p.id = ANY($3))`,
        [input.parkCode, codes, parkScope(actor)],
      );
      await this.assertFree(
        this.db.manager,
        unitIds.map((u) => u.id),
        input.startsOn,
      );
      return new ConflictError('One of the units was taken by a concurrent request', { field: 'unitCodes' });
    }
    return error;
  }

  /** CONFLICT naming the first unit already held on or after `from`, and its holder. */
  private async assertFree(m: EntityManager, unitIds: string[], from: string): Promise<void> {
    const [held] = await m.query<{ code: string; name: string; tenancy_id: string; starts_on: string }[]>(
      `SELECT u.code, e.name, t.id AS tenancy_id, t.starts_on FROM tenancy t
       JOIN unit u ON u.id = t.unit_id JOIN enterprise e ON e.id = t.enterprise_id
       WHERE t.unit_id = ANY($1) AND (t.ends_on IS NULL OR t.ends_on > $2)
       ORDER BY u.code LIMIT 1`,
      [unitIds, from],
    );
    if (held) {
      throw new ConflictError(
        `Unit ${held.code} is already held by ${held.name} (tenancy from ${held.starts_on})`,
        {
          field: 'unitCodes',
          unitCode: held.code,
          holder: held.name,
          tenancyId: held.tenancy_id,
        },
      );
    }
  }

  async advance(actor: Actor, input: AdvanceTenancyStageInput): Promise<Tenancy> {
    if (input.stage === TenancyStage.ENDED) {
      return this.end(actor, {
        tenancyId: input.tenancyId,
        endsOn: input.effectiveOn,
        reason: input.note ?? 'ended',
      });
    }
    return inTransaction(this.db, async (m) => {
      const t = await this.lock(m, actor, input.tenancyId);
      const current = latestStage(t);
      const allowed = allowedMoves(current);
      if (!allowed.includes(input.stage)) {
        throw UserInputError.field(
          'input.stage',
          `cannot move from ${current} to ${input.stage}; allowed: ${allowed.join(', ') || 'none (the tenancy has ended)'}`,
          { currentStage: current, allowedStages: allowed },
        );
      }
      const since = t[stageColumn(current)]!;
      if (input.effectiveOn < since) {
        throw UserInputError.field(
          'input.effectiveOn',
          `must be on or after ${since}, when ${current} began`,
        );
      }
      return this.applyChange(m, actor, t, input.stage, input.effectiveOn, input.note ?? null);
    });
  }

  async end(actor: Actor, input: EndTenancyInput): Promise<Tenancy> {
    return inTransaction(this.db, async (m) => {
      const t = await this.lock(m, actor, input.tenancyId);
      const current = latestStage(t);
      if (!allowedMoves(current).includes(TenancyStage.ENDED)) {
        throw UserInputError.field(
          'input.tenancyId',
          current === TenancyStage.ENDED
            ? `has already ended on ${t.endsOn}`
            : `cannot end from ${current}; allowed: ${allowedMoves(current).join(', ')}`,
          { currentStage: current, allowedStages: allowedMoves(current) },
        );
      }
      const since = t[stageColumn(current)]!;
      if (input.endsOn <= since) {
        throw UserInputError.field('input.endsOn', `must be after ${since}, when ${current} began`);
      }
      return this.applyChange(m, actor, t, TenancyStage.ENDED, input.endsOn, input.reason);
    });
  }

  /** Fixes a mistaken stage date, or withdraws the latest stage; recorded as a CORRECTION event. */
  async correct(actor: Actor, input: CorrectTenancyStageInput): Promise<Tenancy> {
    try {
      return await inTransaction(this.db, async (m) => {
        const t = await this.lock(m, actor, input.tenancyId);
        const column = stageColumn(input.stage);
        const previous = t[column];
        if (!previous) {
          throw UserInputError.field('input.stage', `was never entered by this tenancy; nothing to correct`);
        }
        const withdraw = input.effectiveOn === null || input.effectiveOn === undefined;
        if (withdraw && input.stage === TenancyStage.RESERVED) {
          throw UserInputError.field(
            'input.effectiveOn',
            'cannot withdraw the start of a tenancy; end it instead',
          );
        }
        if (withdraw && latestStage(t) !== input.stage) {
          throw UserInputError.field(
            'input.stage',
            `only the latest stage (${latestStage(t)}) can be withdrawn`,
          );
        }
        const dbColumn = {
          startsOn: 'starts_on',
          fittingOutFrom: 'fitting_out_from',
          operatingFrom: 'operating_from',
          endsOn: 'ends_on',
        }[column];
        const value = withdraw ? null : input.effectiveOn!;
        const [row] = await m.query<[TenancyRow[], number]>(
          `UPDATE tenancy SET ${dbColumn} = $2, end_reason = CASE WHEN $3 THEN NULL ELSE end_reason END,
             version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
          [t.id, value, withdraw && input.stage === TenancyStage.ENDED],
        );
        await m.query(
          `INSERT INTO tenancy_stage_event (tenancy_id, kind, stage, effective_on, previous_effective_on, note)
           VALUES ($1, 'CORRECTION', $2, $3, $4, $5)`,
          [t.id, input.stage, value, previous, input.reason],
        );
        await this.hooks.run(m, t.id);
        await writeAudit(m, actor, [
          {
            entityType: 'Tenancy',
            entityId: t.id,
            parkId: t.parkId,
            before: t.row,
            after: row[0],
            reason: input.reason,
          },
        ]);
        return toTenancy(row[0]);
      });
    } catch (error) {
      const { code } = pgError(error);
      if (code === PG_CHECK_VIOLATION) {
        throw UserInputError.field(
          'input.effectiveOn',
          'would put the stages out of order (start ≤ fit-out ≤ opening < end)',
        );
      }
      if (code === PG_EXCLUSION_VIOLATION) {
        throw new ConflictError('The corrected dates overlap another tenancy of the same unit', {
          field: 'effectiveOn',
        });
      }
      throw error;
    }
  }

  /**
   * Locks a tenancy of the actor's parks; another park's tenancy is NOT_FOUND. Its unit is locked first, as
   * leasing does: every write to a unit's tenancies takes the unit's lock, then the tenancy's, so changed dates and
   * new leases of one unit queue instead of deadlocking in the exclusion constraint.
   */
  private async lock(
    m: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<Tenancy & { parkId: string; row: TenancyRow }> {
    await m.query(
      `SELECT u.id FROM unit u JOIN tenancy t ON t.unit_id = u.id
       WHERE t.id = $1 AND ($2::uuid[] IS NULL OR u.park_id = ANY($2)) FOR NO KEY UPDATE OF u`,
      [id, parkScope(actor)],
    );
    const [row] = await m.query<(TenancyRow & { park_id: string })[]>(
      `SELECT t.*, u.park_id FROM tenancy t JOIN unit u ON u.id = t.unit_id
       WHERE t.id = $1 AND ($2::uuid[] IS NULL OR u.park_id = ANY($2)) FOR UPDATE OF t`,
      [id, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('Tenancy', id);
    const { park_id: parkId, ...tenancy } = row;
    return { ...toTenancy(tenancy), parkId, row: tenancy };
  }

  private async applyChange(
    m: EntityManager,
    actor: Actor,
    t: Tenancy & { parkId: string; row: TenancyRow },
    stage: TenancyStage,
    date: string,
    note: string | null,
  ): Promise<Tenancy> {
    const column = { FITTING_OUT: 'fitting_out_from', OPERATING: 'operating_from', ENDED: 'ends_on' }[
      stage as 'FITTING_OUT' | 'OPERATING' | 'ENDED'
    ];
    const [rows] = await m.query<[TenancyRow[], number]>(
      `UPDATE tenancy SET ${column} = $2, end_reason = CASE WHEN $3 THEN $4 ELSE end_reason END,
         version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`,
      [t.id, date, stage === TenancyStage.ENDED, note],
    );
    await m.query(
      `INSERT INTO tenancy_stage_event (tenancy_id, kind, stage, effective_on, note) VALUES ($1, $2, $3, $4, $5)`,
      [t.id, StageEventKind.CHANGE, stage, date, note],
    );
    await this.hooks.run(m, t.id);
    await writeAudit(m, actor, [
      {
        entityType: 'Tenancy',
        entityId: t.id,
        parkId: t.parkId,
        before: t.row,
        after: rows[0],
        reason: note,
      },
    ]);
    return toTenancy(rows[0]);
  }
}
