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

/**
 * Placements in the scope ($1 park, $2 zone or null) overlapping the period ($3..$4), as instant ranges clipped to
 * it. Written out where used rather than as a CTE: the planner then estimates it from the tables and hash-joins the
 * status spans to it (as a CTE it guessed one row and compared every span with every placement: 3 s on the demo).
 */
const PLACED = `(
  SELECT p.machine_id, m.owner_enterprise_id, m.type, u.zone_id,
         tstzrange(${startOfParkDaySql('p.from_on')},
                   CASE WHEN p.until_on IS NOT NULL THEN ${startOfParkDaySql('p.until_on')} END, '[)')
           * tstzrange(${startOfParkDaySql('$3')}, least(${startOfParkDaySql('($4::date + 1)')}, now()), '[)') AS r
  FROM machine_placement p
  JOIN machine m ON m.id = p.machine_id
  JOIN unit u ON u.id = p.unit_id
  WHERE p.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2)
    AND p.from_on <= $4::date AND (p.until_on IS NULL OR p.until_on > $3::date)
)`;

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
      // Per placement, its machine's status spans (one STATUS event to the next) clipped to the placement: a lateral
      // index scan per placement, so the cost grows with the events read, never with placements × events.
      `SELECT CASE WHEN $5 THEN pl.owner_enterprise_id END AS enterprise_id, CASE WHEN $6 THEN pl.type END AS type,
              CASE WHEN $7 THEN pl.zone_id END AS zone_id,
              count(DISTINCT pl.machine_id)::int AS machines,
              coalesce(sum(s.hours) FILTER (WHERE s.status <> 'DECOMMISSIONED'), 0)::float8 AS observed,
              coalesce(sum(s.hours) FILTER (WHERE s.status = 'DOWN'), 0)::float8 AS down,
              coalesce(sum(s.hours) FILTER (WHERE s.status = 'DOWN' AND s.down_kind = 'UNPLANNED'), 0)::float8 AS unplanned,
              count(*) FILTER (WHERE s.breakdown AND pl.r @> lower(s.r))::int AS failures
       FROM ${PLACED} pl
       LEFT JOIN LATERAL (
         SELECT sp.status, sp.down_kind, sp.r, sp.breakdown,
                extract(epoch FROM upper(sp.r * pl.r) - lower(sp.r * pl.r)) / 3600.0 AS hours
         FROM (
           SELECT e.status, e.down_kind,
                  tstzrange(e.occurred_at, lead(e.occurred_at) OVER w, '[)') AS r,
                  (e.status = 'DOWN' AND e.down_kind = 'UNPLANNED'
                    AND (lag(e.status) OVER w IS DISTINCT FROM 'DOWN'
                         OR lag(e.down_kind) OVER w IS DISTINCT FROM 'UNPLANNED')) AS breakdown
           FROM machine_event e
           -- Events after the placement's end cannot matter: the last span left open is clipped to it below.
           WHERE e.machine_id = pl.machine_id AND e.kind = 'STATUS' AND e.occurred_at < upper(pl.r)
           WINDOW w AS (ORDER BY e.occurred_at)
         ) sp
         WHERE sp.r && pl.r
       ) s ON true
       WHERE NOT isempty(pl.r)
       GROUP BY 1, 2, 3
       ORDER BY machines DESC, type, enterprise_id, zone_id`,
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
