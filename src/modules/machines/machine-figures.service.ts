import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { manyByKey } from '../../common/batch';
import { UserInputError } from '../../common/errors/app-error';
import { MachineStatsGroupBy, MachineStatus, MachineType } from './machine.enums';
import { MachineStats, MachineStatusCount } from './machine.models';
import { placedOnSql, statusAtSql } from './machine-sql';
import { endOfParkDay, startOfParkDaySql } from './machine-time';

/** A park (or zone) on a date: what ParkOverview describes. */
export interface FigureScope {
  parkId: string;
  zoneId: string | null;
  asOf: string;
}

export const figureKey = (s: FigureScope): string => JSON.stringify([s.parkId, s.zoneId, s.asOf]);

interface StatsRow {
  enterprise_id: string | null;
  type: MachineType | null;
  zone_id: string | null;
  machines: number;
  observed: number;
  down: number;
  unplanned: number;
  failures: number;
}

/** Machine figures, each one SQL aggregate over placements and status events (never stored numbers). */
@Injectable()
export class MachineFiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Batch for ParkOverview: per scope, the machines standing in its units on asOf, counted by their status at the
   * end of that day (null: nothing reported yet). One statement for any number of overviews.
   */
  async statusCounts(keys: readonly string[]): Promise<MachineStatusCount[][]> {
    const scopes = keys.map((k) => JSON.parse(k) as [string, string | null, string]);
    const rows = await this.db.query<{ key: string; status: MachineStatus | null; count: number }[]>(
      `SELECT k.key, ${statusAtSql('m', 'k.end_at')} AS status, count(*)::int AS count
       FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::date[], $5::timestamptz[])
            AS k(key, park_id, zone_id, as_of, end_at)
       JOIN machine_placement p ON p.park_id = k.park_id AND ${placedOnSql('p', 'k.as_of')}
       JOIN unit u ON u.id = p.unit_id AND (k.zone_id IS NULL OR u.zone_id = k.zone_id)
       JOIN machine m ON m.id = p.machine_id
       GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`,
      [
        keys,
        scopes.map((s) => s[0]),
        scopes.map((s) => s[1]),
        scopes.map((s) => s[2]),
        scopes.map((s) => endOfParkDay(s[2])),
      ],
    );
    return manyByKey(
      keys,
      rows,
      (r) => r.key,
      (r) => ({ status: r.status, count: r.count }),
    );
  }

  /**
   * Availability, downtime, MTBF and MTTR per group over [from, to] (whole park days; the part after now is not
   * counted). Time counts while a machine stands in a unit of the scope, has reported a status and is not
   * DECOMMISSIONED. Status spans run from one STATUS event to the next, so late and out-of-order events change
   * the figures exactly as if they had arrived in time. Group keys are chosen by CASE on booleans: no client text
   * becomes SQL.
   */
  async stats(
    parkId: string,
    zoneId: string | null,
    from: string,
    to: string,
    groupBy: MachineStatsGroupBy[],
  ): Promise<MachineStats[]> {
    if (to < from) throw UserInputError.field('to', 'must be on or after from');
    const by = new Set(groupBy);
    const rows = await this.db.query<StatsRow[]>(
      `WITH period AS (
         SELECT tstzrange(${startOfParkDaySql('$3')}, least(${startOfParkDaySql('($4::date + 1)')}, now()), '[)') AS r
       ),
       placed AS (
         SELECT p.machine_id, m.owner_enterprise_id, m.type, u.zone_id,
                tstzrange(${startOfParkDaySql('p.from_on')},
                          CASE WHEN p.until_on IS NOT NULL THEN ${startOfParkDaySql('p.until_on')} END, '[)') * period.r AS r
         FROM machine_placement p
         JOIN machine m ON m.id = p.machine_id
         JOIN unit u ON u.id = p.unit_id
         CROSS JOIN period
         WHERE p.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2)
           AND p.from_on <= $4::date AND (p.until_on IS NULL OR p.until_on > $3::date)
       ),
       spans AS (
         SELECT e.machine_id, e.status, e.down_kind,
                tstzrange(e.occurred_at, lead(e.occurred_at) OVER w, '[)') AS r,
                (e.status = 'DOWN' AND e.down_kind = 'UNPLANNED'
                  AND (lag(e.status) OVER w IS DISTINCT FROM 'DOWN' OR lag(e.down_kind) OVER w IS DISTINCT FROM 'UNPLANNED')) AS breakdown
         FROM machine_event e
         WHERE e.kind = 'STATUS' AND e.machine_id IN (SELECT machine_id FROM placed)
         WINDOW w AS (PARTITION BY e.machine_id ORDER BY e.occurred_at)
       ),
       pieces AS (
         SELECT pl.owner_enterprise_id, pl.type, pl.zone_id, s.status, s.down_kind,
                extract(epoch FROM upper(pl.r * s.r) - lower(pl.r * s.r)) / 3600.0 AS hours,
                (s.breakdown AND pl.r @> lower(s.r)) AS breakdown
         FROM placed pl JOIN spans s ON s.machine_id = pl.machine_id AND s.r && pl.r
         WHERE s.status <> 'DECOMMISSIONED'
       ),
       by_pieces AS (
         SELECT CASE WHEN $5 THEN owner_enterprise_id END AS enterprise_id, CASE WHEN $6 THEN type END AS type,
                CASE WHEN $7 THEN zone_id END AS zone_id,
                sum(hours) AS observed,
                coalesce(sum(hours) FILTER (WHERE status = 'DOWN'), 0) AS down,
                coalesce(sum(hours) FILTER (WHERE status = 'DOWN' AND down_kind = 'UNPLANNED'), 0) AS unplanned,
                count(*) FILTER (WHERE breakdown) AS failures
         FROM pieces GROUP BY 1, 2, 3
       ),
       by_machines AS (
         SELECT CASE WHEN $5 THEN owner_enterprise_id END AS enterprise_id, CASE WHEN $6 THEN type END AS type,
                CASE WHEN $7 THEN zone_id END AS zone_id, count(DISTINCT machine_id) AS machines
         FROM placed WHERE NOT isempty(r) GROUP BY 1, 2, 3
       )
       SELECT bm.enterprise_id, bm.type, bm.zone_id, bm.machines::int AS machines,
              coalesce(bp.observed, 0)::float8 AS observed, coalesce(bp.down, 0)::float8 AS down,
              coalesce(bp.unplanned, 0)::float8 AS unplanned, coalesce(bp.failures, 0)::int AS failures
       FROM by_machines bm
       LEFT JOIN by_pieces bp ON bp.enterprise_id IS NOT DISTINCT FROM bm.enterprise_id
         AND bp.type IS NOT DISTINCT FROM bm.type AND bp.zone_id IS NOT DISTINCT FROM bm.zone_id
       ORDER BY bm.machines DESC, bm.type, bm.enterprise_id, bm.zone_id`,
      [
        parkId,
        zoneId,
        from,
        to,
        by.has(MachineStatsGroupBy.ENTERPRISE),
        by.has(MachineStatsGroupBy.TYPE),
        by.has(MachineStatsGroupBy.ZONE),
      ],
    );
    return rows.map((r) => ({
      enterpriseId: r.enterprise_id,
      zoneId: r.zone_id,
      type: r.type,
      machineCount: r.machines,
      observedHours: r.observed,
      availability: r.observed > 0 ? 1 - r.down / r.observed : 0,
      downtimeHours: r.down,
      unplannedDowntimeHours: r.unplanned,
      failures: r.failures,
      mtbfHours: r.failures > 0 ? (r.observed - r.down) / r.failures : null,
      mttrHours: r.failures > 0 ? r.unplanned / r.failures : null,
    }));
  }
}
