import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../../database/transaction';
import { DataSource, EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { updateVersioned } from '../../common/entities/versioned-update';
import {
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  UserInputError,
} from '../../common/errors/app-error';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { PG_CHECK_VIOLATION, PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate, toConnection } from '../../common/pagination/keyset';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/page-args';
import { today } from '../../graphql/scalars/date.scalar';
import { withAhead } from '../../graphql/resolved-ahead';
import { jsonProjectionSql, SqlParams, type JsonSelection } from '../../graphql/json-projection';
import { prefetchedTenancies, tenancyRowsSql } from '../tenancies/prefetch-sql';
import { unitStatusSql } from '../tenancies/stage-sql';
import {
  CreateParkInput,
  CreateUnitsInput,
  CreateZoneInput,
  UnitInput,
  UpdateUnitInput,
  UpdateZoneInput,
} from './dto/space.inputs';
import { UnitFilter, UnitListArgs, UnitOrder, UnitOrderField } from './dto/unit-list.args';
import { findScopedPark } from './park-scope';
import { ParkRow, toPark, toUnit, toZone, UnitRow, ZoneRow } from './space.mappers';
import { Park, Unit, Zone } from './space.models';
import { zoneCodeSql } from './zone-sql';

const UNIT_SORT: Record<UnitOrderField, string> = {
  [UnitOrderField.CODE]: 'unit.code',
  [UnitOrderField.FLOOR_AREA]: 'unit.floor_area',
};

const UNIT_COLUMNS =
  'unit.id, unit.park_id, unit.zone_id, unit.code, unit.kind, unit.building, unit.floor, unit.floor_area, unit.leasable, unit.unleasable_reason, unit.version';

/** Parks, zones and units: lookups, lists and edits. No GraphQL types beyond the returned models. */
/** The rule of a new unit beyond its input class (also applied to spreadsheet imports, unit.import.ts). */
export function unitRuleError(unit: Pick<UnitInput, 'leasable' | 'unleasableReason'>): FieldError | null {
  if (unit.leasable === false && !unit.unleasableReason)
    return { field: 'unleasableReason', message: 'is required when leasable is false' };
  return null;
}

@Injectable()
export class SpaceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The parks the actor may see, by code. */
  async listParks(actor: Actor): Promise<Park[]> {
    const rows = await this.db.query<ParkRow[]>(
      'SELECT * FROM park WHERE $1::uuid[] IS NULL OR id = ANY($1) ORDER BY code',
      [parkScope(actor)],
    );
    return rows.map(toPark);
  }

  /** A park by code, or null when it does not exist or is outside the actor's scope (the same answer). */
  async findPark(actor: Actor, code: string): Promise<Park | null> {
    const row = await findScopedPark(this.db.manager, actor, code);
    return row ? toPark(row) : null;
  }

  async requirePark(actor: Actor, code: string, manager: EntityManager = this.db.manager): Promise<Park> {
    const row = await findScopedPark(manager, actor, code);
    if (!row) throw new NotFoundError('Park', code);
    return toPark(row);
  }

  async requireZone(
    actor: Actor,
    parkCode: string,
    zoneCode: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Zone> {
    const park = await this.requirePark(actor, parkCode, manager);
    const [row] = await manager.query<ZoneRow[]>('SELECT * FROM zone WHERE park_id = $1 AND code = $2', [
      park.id,
      zoneCode,
    ]);
    if (!row) throw new NotFoundError('Zone', `${parkCode}/${zoneCode}`);
    return toZone(row);
  }

  /**
   * One unit by its natural key (park code + unit code), with its zone and park, in one statement (the caller primes
   * the zone and park loaders with them). Null when there is none or the park is outside the actor's scope.
   */
  async findUnit(
    actor: Actor,
    parkCode: string,
    code: string,
  ): Promise<{ unit: Unit; zone: Zone; park: Park } | null> {
    const [row] = await this.db.query<{ unit: UnitRow; zone: ZoneRow; park: ParkRow }[]>(
      `SELECT to_jsonb(u) AS unit, to_jsonb(z) AS zone, to_jsonb(p) AS park
       FROM park p JOIN unit u ON u.park_id = p.id JOIN zone z ON z.id = u.zone_id
       WHERE p.code = $1 AND u.code = $2 AND ($3::uuid[] IS NULL OR p.id = ANY($3))`,
      [parkCode, code, parkScope(actor)],
    );
    if (!row) return null;
    return { unit: toUnit(row.unit), zone: toZone(row.zone), park: toPark(row.park) };
  }

  /** Batch: parks by id, in key order. */
  async parksByIds(ids: readonly string[]): Promise<(Park | null)[]> {
    const rows = await this.db.query<ParkRow[]>('SELECT * FROM park WHERE id = ANY($1)', [ids]);
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toPark(r),
    );
  }

  /** Batch: zones by id, in key order. */
  async zonesByIds(ids: readonly string[]): Promise<(Zone | null)[]> {
    const rows = await this.db.query<ZoneRow[]>('SELECT * FROM zone WHERE id = ANY($1)', [ids]);
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toZone(r),
    );
  }

  /** Batch: each park's zones ordered by code. */
  async zonesByParkIds(parkIds: readonly string[]): Promise<Zone[][]> {
    const rows = await this.db.query<ZoneRow[]>('SELECT * FROM zone WHERE park_id = ANY($1) ORDER BY code', [
      parkIds,
    ]);
    return manyByKey(parkIds, rows, (r) => r.park_id, toZone);
  }

  /** Batch: units by id, in key order. */
  async unitsByIds(ids: readonly string[]): Promise<(Unit | null)[]> {
    const rows = await this.db.query<UnitRow[]>('SELECT * FROM unit WHERE id = ANY($1)', [ids]);
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toUnit(r),
    );
  }

  /** The `units` list: filtered, sorted, keyset-paged, as of a date. */
  async listUnits(
    actor: Actor,
    args: UnitListArgs,
    scope: { zoneId?: string } = {},
    ahead: { tenancies?: boolean; enterprises?: boolean; nodes?: JsonSelection | null } = {},
  ): Promise<Connection<Unit>> {
    const asOf = args.asOf ?? today();
    const sort = this.unitSort(args.orderBy);
    const query = this.unitQuery(args.filter ?? {}, asOf, scope, sort);
    const parkIds = parkScope(actor);
    if (parkIds) query.andWhere('unit.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (ahead.nodes) {
      // The nodes as PostgreSQL builds them from the selection: one JSON value per row, no model objects.
      const params = new SqlParams();
      query
        .select(sort.expression, 'sort_key')
        .addSelect('unit.id', 'id')
        .addSelect(jsonProjectionSql(ahead.nodes, 'unit', params), 'node')
        .setParameters(params.values);
      return paginate<{ sort_key: unknown; id: string; node: Unit }, Unit>(
        query,
        sort,
        args,
        (row) => row.node,
      );
    }
    // Look-ahead: the page's tenancies (and their enterprises) in the same statement as the page.
    if (ahead.tenancies) query.addSelect(tenancyRowsSql('unit', !!ahead.enterprises), 'tenancy_rows');
    // Unit.tenancies (and their stage and enterprise) are then answered from the rows, without their resolvers.
    const now = ahead.tenancies ? today() : asOf;
    return paginate<UnitRow & { sort_key: unknown }, Unit>(query, sort, args, (row) =>
      row.tenancy_rows
        ? withAhead(toUnit(row, asOf), { tenancies: prefetchedTenancies(row.tenancy_rows, now) })
        : toUnit(row, asOf),
    );
  }

  /**
   * Batch for Zone.units: the first page of several zones' units in one statement (window function per zone) plus
   * one grouped count, so park → zones → units costs the same for 10 units or 100,000.
   */
  async firstUnitsOfZones(zoneIds: readonly string[], args: UnitListArgs): Promise<Connection<Unit>[]> {
    const asOf = args.asOf ?? today();
    const sort = this.unitSort(args.orderBy);
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const base = this.unitQuery(args.filter ?? {}, asOf, {}, sort).andWhere('unit.zone_id = ANY(:zoneIds)', {
      zoneIds,
    });
    const ranked = base
      .clone()
      .addSelect(
        `ROW_NUMBER() OVER (PARTITION BY unit.zone_id ORDER BY ${sort.expression} ${sort.direction} NULLS LAST, unit.id ${sort.direction})`,
        'rn',
      );
    const [sql, params] = ranked.getQueryAndParameters();
    const [rows, counts] = await Promise.all([
      this.db.query<(UnitRow & { rn: number; sort_key: unknown })[]>(
        `SELECT * FROM (${sql}) ranked WHERE rn <= ${first + 1} ORDER BY zone_id, rn`,
        params,
      ),
      base
        .clone()
        .select('unit.zone_id', 'zone_id')
        .addSelect('COUNT(*)', 'count')
        .groupBy('unit.zone_id')
        .getRawMany<{ zone_id: string; count: number }>(),
    ]);
    const countByZone = oneByKey(
      zoneIds,
      counts,
      (c) => c.zone_id,
      (c) => Number(c.count),
    );
    return manyByKey(
      zoneIds,
      rows,
      (r) => r.zone_id,
      (r) => r,
    ).map((zoneRows, i) =>
      toConnection(zoneRows, first, countByZone[i] ?? 0, sort, (row) => toUnit(row, asOf)),
    );
  }

  private unitSort(order?: UnitOrder): KeysetSort {
    const field = order?.field ?? UnitOrderField.CODE;
    return {
      expression: UNIT_SORT[field],
      key: 'sort_key',
      direction: order?.direction ?? SortDirection.ASC,
      nullable: false,
      idExpression: 'unit.id',
      idKey: 'id',
      cursor: {
        list: 'units',
        order: `${field}_${order?.direction ?? SortDirection.ASC}`,
        value: field === UnitOrderField.CODE ? 'text' : 'decimal',
        id: 'uuid',
      },
    };
  }

  private unitQuery(filter: UnitFilter, asOf: string, scope: { zoneId?: string }, sort: KeysetSort) {
    const q = this.db
      .createQueryBuilder()
      .from('unit', 'unit')
      .select(UNIT_COLUMNS)
      .setParameter('asOf', asOf);
    // The sort key travels with each row so cursors can be built without knowing the column.
    q.addSelect(sort.expression, 'sort_key');
    if (scope.zoneId) q.andWhere('unit.zone_id = :scopeZoneId', { scopeZoneId: scope.zoneId });
    if (filter.parkCode) q.andWhere('unit.park_id = (SELECT id FROM park WHERE code = :parkCode)', filter);
    if (filter.zoneCode) {
      q.andWhere(zoneCodeSql('unit.zone_id', !!filter.parkCode), {
        zoneCode: filter.zoneCode,
        parkCode: filter.parkCode,
      });
    }
    if (filter.kind) q.andWhere('unit.kind = :kind', { kind: filter.kind });
    if (filter.codeContains) {
      q.andWhere("unit.code ILIKE '%' || :codeContains || '%' ESCAPE '\\'", {
        codeContains: filter.codeContains.replace(/[\\%_]/g, (c) => `\\${c}`),
      });
    }
    if (filter.minArea !== undefined) q.andWhere('unit.floor_area >= :minArea', { minArea: filter.minArea });
    if (filter.maxArea !== undefined) q.andWhere('unit.floor_area <= :maxArea', { maxArea: filter.maxArea });
    if (filter.status) q.andWhere(`${unitStatusSql('unit', 'asOf')} = :status`, { status: filter.status });
    return q;
  }

  /** Parks are created by all-parks administrators only: a park-scoped admin could not see the new park. */
  async createPark(actor: Actor, input: CreateParkInput): Promise<Park> {
    if (actor.principal.parkIds !== null)
      throw new ForbiddenError('Only an all-parks administrator can create parks');
    try {
      return await inTransaction(this.db, async (m) => {
        const [row] = await m.query<ParkRow[]>(
          'INSERT INTO park (code, name, name_en) VALUES ($1, $2, $3) RETURNING *',
          [input.code, input.name, input.nameEn ?? null],
        );
        await writeAudit(m, actor, [
          { entityType: 'Park', entityId: row.id, parkId: row.id, before: null, after: row },
        ]);
        return toPark(row);
      });
    } catch (error) {
      if (pgError(error).code === PG_UNIQUE_VIOLATION) {
        throw new ConflictError(`Park ${input.code} already exists`, { field: 'code' });
      }
      throw error;
    }
  }

  async createZone(actor: Actor, input: CreateZoneInput): Promise<Zone> {
    try {
      return await inTransaction(this.db, async (m) => {
        const park = await this.requirePark(actor, input.parkCode, m);
        const [row] = await m.query<ZoneRow[]>(
          'INSERT INTO zone (park_id, code, name, name_en, kind) VALUES ($1, $2, $3, $4, $5) RETURNING *',
          [park.id, input.code, input.name, input.nameEn ?? null, input.kind],
        );
        await writeAudit(m, actor, [
          { entityType: 'Zone', entityId: row.id, parkId: park.id, before: null, after: row },
        ]);
        return toZone(row);
      });
    } catch (error) {
      if (pgError(error).code === PG_UNIQUE_VIOLATION) {
        throw new ConflictError(`Zone ${input.code} already exists in park ${input.parkCode}`, {
          field: 'code',
        });
      }
      throw error;
    }
  }

  async updateZone(actor: Actor, input: UpdateZoneInput): Promise<Zone> {
    return inTransaction(this.db, async (m) => {
      const { before, after } = await updateVersioned<ZoneRow>(m, {
        table: 'zone',
        label: 'Zone',
        id: input.id,
        version: input.version,
        parkIds: parkScope(actor),
        columns: { name: input.name, name_en: input.nameEn, kind: input.kind },
      });
      await writeAudit(m, actor, [
        { entityType: 'Zone', entityId: after.id, parkId: after.park_id, before, after },
      ]);
      return toZone(after);
    });
  }

  /** Creates all the units or none (one transaction; a duplicate code anywhere rolls back the lot). */
  async createUnits(actor: Actor, input: CreateUnitsInput): Promise<Unit[]> {
    const codes = new Set<string>();
    input.units.forEach((unit, i) => {
      if (codes.has(unit.code))
        throw UserInputError.field(`input.units.${i}.code`, `duplicates code ${unit.code}`);
      codes.add(unit.code);
      const rule = unitRuleError(unit);
      if (rule) throw UserInputError.field(`input.units.${i}.${rule.field}`, rule.message);
    });
    let parkId: string | undefined;
    try {
      return await inTransaction(this.db, async (m) => {
        const zone = await this.requireZone(actor, input.parkCode, input.zoneCode, m);
        parkId = zone.parkId;
        const rows = await m.query<UnitRow[]>(
          `INSERT INTO unit (park_id, zone_id, code, kind, building, floor, floor_area, leasable, unleasable_reason)
           SELECT $1, $2, u.code, u.kind::unit_kind, u.building, u.floor, u.floor_area, u.leasable, u.unleasable_reason
           FROM jsonb_to_recordset($3::jsonb) AS u(code text, kind text, building text, floor smallint,
                floor_area numeric, leasable boolean, unleasable_reason text)
           RETURNING *`,
          [
            zone.parkId,
            zone.id,
            JSON.stringify(
              input.units.map((u) => ({
                code: u.code,
                kind: u.kind,
                building: u.building ?? null,
                floor: u.floor ?? null,
                floor_area: u.floorArea,
                leasable: u.leasable ?? true,
                unleasable_reason: u.leasable === false ? u.unleasableReason : null,
              })),
            ),
          ],
        );
        await writeAudit(
          m,
          actor,
          rows.map((r) => ({
            entityType: 'Unit',
            entityId: r.id,
            parkId: r.park_id,
            before: null,
            after: { ...r },
          })),
        );
        return rows.map((r) => toUnit(r));
      });
    } catch (error) {
      if (pgError(error).code !== PG_UNIQUE_VIOLATION || !parkId) throw error;
      // The transaction is rolled back by now: look up which codes were taken with a fresh statement.
      const taken = await this.db.query<{ code: string }[]>(
        'SELECT code FROM unit WHERE park_id = $1 AND code = ANY($2) ORDER BY code',
        [parkId, [...codes]],
      );
      throw new ConflictError(
        `Unit code already used in park ${input.parkCode}: ${taken.map((t) => t.code).join(', ')}`,
        {
          field: 'code',
          codes: taken.map((t) => t.code),
        },
      );
    }
  }

  async updateUnit(actor: Actor, input: UpdateUnitInput): Promise<Unit> {
    try {
      return await inTransaction(this.db, async (m) => {
        const { before, after } = await updateVersioned<UnitRow>(m, {
          table: 'unit',
          label: 'Unit',
          id: input.id,
          version: input.version,
          parkIds: parkScope(actor),
          columns: {
            kind: input.kind,
            building: input.building,
            floor: input.floor,
            floor_area: input.floorArea,
            leasable: input.leasable,
            unleasable_reason: input.leasable === true ? null : input.unleasableReason,
          },
        });
        await writeAudit(m, actor, [
          { entityType: 'Unit', entityId: after.id, parkId: after.park_id, before, after },
        ]);
        return toUnit(after);
      });
    } catch (error) {
      const { code, constraint } = pgError(error);
      if (code === PG_CHECK_VIOLATION && constraint === 'unit_unleasable_has_reason') {
        throw UserInputError.field('input.unleasableReason', 'is required when leasable is false');
      }
      throw error;
    }
  }
}
