import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { today } from '../../graphql/scalars/date.scalar';
import { Actor, parkScope } from '../access/principal';
import { MachineListArgs, MachineOrder } from './dto/machine-list.args';
import { MachineOrderField, MachineStatus } from './machine.enums';
import { withAhead } from '../../graphql/resolved-ahead';
import { jsonProjectionSql, SqlParams, type JsonSelection } from '../../graphql/json-projection';
import { toUnit, UnitRow } from '../space/space.mappers';
import { zoneCodeSql } from '../space/zone-sql';
import { EnterpriseRow, toEnterprise } from '../enterprises/enterprise.mapper';
import {
  MACHINE_COLUMNS,
  MachineRow,
  PlacementRow,
  PlanRow,
  RecordRow,
  StatusEventRow,
  toMachine,
  toPlacement,
  toPlan,
  toRecord,
  toStatusEvent,
} from './machine.mappers';
import {
  Machine,
  MachinePlacement,
  MachineStatusEvent,
  MaintenancePlan,
  MaintenanceRecord,
} from './machine.models';
import { ownerHoldsSql, placedOnSql, statusAtSql } from './machine-sql';
import { endOfParkDay } from './machine-time';

const MACHINE_SORT: Record<MachineOrderField, string> = {
  [MachineOrderField.SERIAL_NUMBER]: 'm.serial_number',
  [MachineOrderField.COMMISSIONED_YEAR]: 'm.commissioned_year',
};

/** Reading machines: lookups, lists and the batch functions behind the per-request loaders. */
/** Columns a machines page reads ahead (list()), when the query selects them. */
interface AheadColumns {
  ahead_status?: MachineStatus | null;
  ahead_unit?: UnitRow | null;
  ahead_owner?: EnterpriseRow | null;
}

@Injectable()
export class MachinesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Batch: machines by id, in key order. */
  async byIds(ids: readonly string[]): Promise<(Machine | null)[]> {
    const rows = await this.db.query<MachineRow[]>(
      `SELECT ${MACHINE_COLUMNS} FROM machine m WHERE m.id = ANY($1)`,
      [ids],
    );
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toMachine(r),
    );
  }

  /** Batch: every machine each enterprise owns, by serial number. */
  async byOwnerIds(ownerIds: readonly string[], asOf: string): Promise<Machine[][]> {
    const rows = await this.db.query<MachineRow[]>(
      `SELECT ${MACHINE_COLUMNS} FROM machine m WHERE m.owner_enterprise_id = ANY($1) ORDER BY m.serial_number`,
      [ownerIds],
    );
    return manyByKey(
      ownerIds,
      rows,
      (r) => r.owner_enterprise_id,
      (r) => toMachine(r, asOf),
    );
  }

  /** Batch: the machines standing in each unit on a date, by serial number. */
  async placedInUnitsOn(unitIds: readonly string[], date: string): Promise<Machine[][]> {
    const rows = await this.db.query<(MachineRow & { unit_id: string })[]>(
      `SELECT ${MACHINE_COLUMNS}, p.unit_id FROM machine_placement p JOIN machine m ON m.id = p.machine_id
       WHERE p.unit_id = ANY($1) AND ${placedOnSql('p', '$2::date')} ORDER BY m.serial_number`,
      [unitIds, date],
    );
    return manyByKey(
      unitIds,
      rows,
      (r) => r.unit_id,
      (r) => toMachine(r, date),
    );
  }

  /** Batch: the unit id each machine stands in on a date (null when not placed). */
  async unitIdsOn(machineIds: readonly string[], date: string): Promise<(string | null)[]> {
    const rows = await this.db.query<{ machine_id: string; unit_id: string }[]>(
      `SELECT p.machine_id, p.unit_id FROM machine_placement p
       WHERE p.machine_id = ANY($1) AND ${placedOnSql('p', '$2::date')}`,
      [machineIds, date],
    );
    return oneByKey(
      machineIds,
      rows,
      (r) => r.machine_id,
      (r) => r.unit_id,
    );
  }

  /** Batch: each machine's placements, oldest first. */
  async placementsOf(machineIds: readonly string[]): Promise<MachinePlacement[][]> {
    const rows = await this.db.query<PlacementRow[]>(
      'SELECT * FROM machine_placement WHERE machine_id = ANY($1) ORDER BY from_on, id',
      [machineIds],
    );
    return manyByKey(machineIds, rows, (r) => r.machine_id, toPlacement);
  }

  /** Batch: each machine's latest status event at or before an instant (null before its first). */
  async statusEventsAt(machineIds: readonly string[], at: string): Promise<(MachineStatusEvent | null)[]> {
    const rows = await this.db.query<StatusEventRow[]>(
      `SELECT e.id, k.id AS machine_id, e.occurred_at, e.status, e.down_kind, e.reason_code
       FROM unnest($1::uuid[]) AS k(id)
       JOIN LATERAL (SELECT * FROM machine_event e WHERE e.machine_id = k.id AND e.kind = 'STATUS'
                     AND e.occurred_at <= $2::timestamptz ORDER BY e.occurred_at DESC LIMIT 1) e ON true`,
      [machineIds, at],
    );
    return oneByKey(machineIds, rows, (r) => r.machine_id, toStatusEvent);
  }

  /** Batch: each machine's runtime-hour meter at an instant (its latest reading at or before it). */
  async metersAt(machineIds: readonly string[], at: string): Promise<(number | null)[]> {
    const rows = await this.db.query<{ machine_id: string; meter_hours: string }[]>(
      `SELECT k.id AS machine_id, e.meter_hours
       FROM unnest($1::uuid[]) AS k(id)
       JOIN LATERAL (SELECT e.meter_hours FROM machine_event e WHERE e.machine_id = k.id AND e.kind = 'METER'
                     AND e.occurred_at <= $2::timestamptz ORDER BY e.occurred_at DESC LIMIT 1) e ON true`,
      [machineIds, at],
    );
    return oneByKey(
      machineIds,
      rows,
      (r) => r.machine_id,
      (r) => Number(r.meter_hours),
    );
  }

  /** Batch: each machine's maintenance plans, oldest first. */
  async plansOf(machineIds: readonly string[]): Promise<MaintenancePlan[][]> {
    const rows = await this.db.query<PlanRow[]>(
      'SELECT * FROM maintenance_plan WHERE machine_id = ANY($1) ORDER BY starts_on, id',
      [machineIds],
    );
    return manyByKey(machineIds, rows, (r) => r.machine_id, toPlan);
  }

  /** Batch: each machine's maintenance records, newest first. */
  async recordsOf(machineIds: readonly string[]): Promise<MaintenanceRecord[][]> {
    const rows = await this.db.query<RecordRow[]>(
      'SELECT * FROM maintenance_record WHERE machine_id = ANY($1) ORDER BY performed_on DESC, created_at DESC',
      [machineIds],
    );
    return manyByKey(machineIds, rows, (r) => r.machine_id, toRecord);
  }

  /**
   * Batch: for each ended tenancy, the machines of its enterprise still standing in its unit on or after its end
   * date (what endTenancy reports). Empty for a tenancy without an end date.
   */
  async strandedByTenancies(tenancyIds: readonly string[]): Promise<Machine[][]> {
    const rows = await this.db.query<(MachineRow & { tenancy_id: string; ends_on: string })[]>(
      `SELECT DISTINCT ON (t.id, m.serial_number) ${MACHINE_COLUMNS}, t.id AS tenancy_id, t.ends_on::text AS ends_on
       FROM tenancy t
       JOIN machine_placement p ON p.unit_id = t.unit_id AND (p.until_on IS NULL OR p.until_on > t.ends_on)
       JOIN machine m ON m.id = p.machine_id AND m.owner_enterprise_id = t.enterprise_id
       WHERE t.id = ANY($1) AND t.ends_on IS NOT NULL
       ORDER BY t.id, m.serial_number, p.from_on`,
      [tenancyIds],
    );
    return manyByKey(
      tenancyIds,
      rows,
      (r) => r.tenancy_id,
      (r) => toMachine(r, r.ends_on),
    );
  }

  /** One machine of the actor's parks, or null (another park's answers like one that does not exist). */
  async find(actor: Actor, id: string): Promise<Machine | null> {
    const [row] = await this.db.query<MachineRow[]>(
      `SELECT ${MACHINE_COLUMNS} FROM machine m WHERE m.id = $1 AND ($2::uuid[] IS NULL OR m.park_id = ANY($2))`,
      [id, parkScope(actor)],
    );
    return row ? toMachine(row) : null;
  }

  /**
   * Machines standing, on asOf, in a unit whose owner no longer holds it (its tenancy ended, or never covered that
   * date): they must be moved or removed.
   */
  async stranded(actor: Actor, parkId: string, zoneId: string | null, asOf: string): Promise<Machine[]> {
    const rows = await this.db.query<MachineRow[]>(
      `SELECT ${MACHINE_COLUMNS} FROM machine_placement p JOIN machine m ON m.id = p.machine_id
       JOIN unit u ON u.id = p.unit_id
       WHERE p.park_id = $1 AND ($3::uuid[] IS NULL OR p.park_id = ANY($3)) AND ${placedOnSql('p', '$2::date')}
         AND ($4::uuid IS NULL OR u.zone_id = $4)
         AND NOT ${ownerHoldsSql('p.unit_id', 'm.owner_enterprise_id', '$2::date')}
       ORDER BY m.serial_number`,
      [parkId, asOf, parkScope(actor), zoneId],
    );
    return rows.map((r) => toMachine(r, asOf));
  }

  /** The `machines` list: filtered, sorted, keyset-paged; places and statuses as of a date. */
  async list(
    actor: Actor,
    args: MachineListArgs,
    ahead: { status?: boolean; unit?: boolean; owner?: boolean; nodes?: JsonSelection | null } = {},
  ): Promise<Connection<Machine>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const sort = this.sort(args.orderBy);
    const q = this.db
      .createQueryBuilder()
      .from('machine', 'm')
      .select(MACHINE_COLUMNS)
      .addSelect(sort.expression, 'sort_key')
      .setParameter('asOf', asOf)
      .setParameter('endOfDay', endOfParkDay(asOf));
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('m.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('m.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.enterpriseId) q.andWhere('m.owner_enterprise_id = :enterpriseId', { enterpriseId: f.enterpriseId });
    if (f.type) q.andWhere('m.type = :type', { type: f.type });
    if (f.zoneCode || f.unitCode) {
      // Only the conditions asked for: a prepared statement's generic plan cannot see which optional filter is null
      // (`$x IS NULL OR …`) and misjudged this one 10-fold.
      const placed = [`fp.machine_id = m.id`, placedOnSql('fp', ':asOf')];
      if (f.unitCode) placed.push('fu.code = :unitCode');
      if (f.zoneCode) placed.push(zoneCodeSql('fu.zone_id', !!f.parkCode));
      q.andWhere(
        `EXISTS (SELECT 1 FROM machine_placement fp JOIN unit fu ON fu.id = fp.unit_id WHERE ${placed.join(' AND ')})`,
        { unitCode: f.unitCode, zoneCode: f.zoneCode, parkCode: f.parkCode },
      );
    }
    if (f.status) q.andWhere(`${statusAtSql('m', ':endOfDay::timestamptz')} = :status`, { status: f.status });
    if (ahead.nodes) {
      // The nodes as PostgreSQL builds them from the selection (machine.json-sql.ts): one JSON value per row.
      const params = new SqlParams();
      q.select(sort.expression, 'sort_key')
        .addSelect('m.id', 'id')
        .addSelect(jsonProjectionSql(ahead.nodes, 'm', params), 'node')
        .setParameters(params.values);
      return paginate<{ sort_key: unknown; id: string; node: Machine }, Machine>(
        q,
        sort,
        args,
        (row) => row.node,
      );
    }
    // Look-ahead: what the page's machines show on asOf (status, unit, owner), read in the same statement and
    // answered without their field resolvers (resolved-ahead.ts); the same SQL rules as the loaders use.
    if (ahead.status) q.addSelect(statusAtSql('m', ':endOfDay::timestamptz'), 'ahead_status');
    if (ahead.unit)
      q.addSelect(
        `(SELECT to_jsonb(au) FROM machine_placement ap JOIN unit au ON au.id = ap.unit_id
          WHERE ap.machine_id = m.id AND ${placedOnSql('ap', ':asOf')} LIMIT 1)`,
        'ahead_unit',
      );
    if (ahead.owner)
      q.addSelect(
        '(SELECT to_jsonb(ao) FROM enterprise ao WHERE ao.id = m.owner_enterprise_id)',
        'ahead_owner',
      );
    return paginate<MachineRow & AheadColumns & { sort_key: unknown }, Machine>(q, sort, args, (row) => {
      const machine = toMachine(row, asOf);
      const values: Record<string, unknown> = {};
      if (ahead.status) values.status = row.ahead_status ?? null;
      if (ahead.unit) values.unit = row.ahead_unit ? toUnit(row.ahead_unit, asOf) : null;
      if (ahead.owner && row.ahead_owner) values.owner = toEnterprise(row.ahead_owner);
      return withAhead(machine, values);
    });
  }

  private sort(order?: MachineOrder): KeysetSort {
    const field = order?.field ?? MachineOrderField.SERIAL_NUMBER;
    const direction = order?.direction ?? SortDirection.ASC;
    return {
      expression: MACHINE_SORT[field],
      key: 'sort_key',
      direction,
      nullable: field === MachineOrderField.COMMISSIONED_YEAR,
      idExpression: 'm.id',
      idKey: 'id',
      cursor: {
        list: 'machines',
        order: `${field}_${direction}`,
        value: field === MachineOrderField.SERIAL_NUMBER ? 'text' : 'integer',
        id: 'uuid',
      },
    };
  }
}
