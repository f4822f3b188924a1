import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, UserInputError } from '../../common/errors/app-error';
import { today } from '../../graphql/scalars/date.scalar';
import { VersionedCache } from '../../common/versioned-cache';
import { memoized } from '../../common/request-memo';
import { occupancy } from './occupancy';
import { OCCUPANCY_MEASURES } from './occupancy.measures';
import { figuresSql, measureColumn } from '../reports/figures-sql';
import { Actor, parkScope } from '../access/principal';
import { OccupancyBasis, OccupancyPoint, ParkOverview } from './occupancy.models';

/** What ParkOverview shows, as measures of occupancy.measures.ts. */
const OVERVIEW = (
  [
    'TOTAL_UNITS',
    'TOTAL_AREA',
    'OCCUPIED_UNITS',
    'OCCUPIED_AREA',
    'ENTERPRISES',
    'OPERATING_UNITS',
    'OPERATING_ENTERPRISES',
    'RESERVED_UNITS',
    'VACANT_UNITS',
  ] as const
).map((name) => OCCUPANCY_MEASURES[name]);

interface Scope {
  parkId: string;
  zoneId: string | null;
  /** The park's figures version (figures-version.entity.ts), read in the same statement. */
  version: string;
}

/**
 * Figures, each one SQL aggregate over the stored tenancies (never stored numbers). A unit is occupied on a date when
 * a tenancy holds it then and has reached FITTING_OUT; the stage rule is the one of stage-sql.ts, written out here
 * as plain column comparisons so that the planner sees them.
 */
@Injectable()
export class OccupancyService {
  /** Computed figures by park version (figures-cache: a write to the park's units or tenancies invalidates). */
  private readonly cache = new VersionedCache<ParkOverview | OccupancyPoint[]>(2000);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The park (and zone) of a figure, with the park's figures version; outside the actor's parks it is NOT_FOUND, like
   * a park that does not exist. The access check is here, before any cached figure is returned. Looked up once per
   * query operation (the actor's request memo), however many figure fields name the same park and zone.
   */
  scope(actor: Actor, parkCode: string, zoneCode?: string | null): Promise<Scope> {
    return memoized(actor.memo, `occupancy scope\u0000${parkCode}\u0000${zoneCode ?? ''}`, () =>
      this.lookUpScope(actor, parkCode, zoneCode),
    );
  }

  private async lookUpScope(actor: Actor, parkCode: string, zoneCode?: string | null): Promise<Scope> {
    const [row] = await this.db.query<{ park_id: string | null; zone_id: string | null; version: string }[]>(
      `SELECT p.id AS park_id, z.id AS zone_id,
              coalesce((SELECT f.version FROM figures_version f WHERE f.park_id = p.id), 0)::text AS version
       FROM park p
       LEFT JOIN zone z ON z.park_id = p.id AND z.code = $2
       WHERE p.code = $1 AND ($3::uuid[] IS NULL OR p.id = ANY($3))`,
      [parkCode, zoneCode ?? null, parkScope(actor)],
    );
    if (!row?.park_id) throw new NotFoundError('Park', parkCode);
    if (zoneCode && !row.zone_id) throw new NotFoundError('Zone', `${parkCode}/${zoneCode}`);
    return { parkId: row.park_id, zoneId: zoneCode ? row.zone_id : null, version: row.version };
  }

  async overview(
    actor: Actor,
    parkCode: string,
    zoneCode: string | null | undefined,
    asOf = today(),
  ): Promise<ParkOverview> {
    const scope = await this.scope(actor, parkCode, zoneCode);
    const key = `overview ${scope.parkId} ${scope.zoneId} ${asOf}`;
    return this.cache.get(key, scope.version, () =>
      this.computeOverview(scope, asOf),
    ) as Promise<ParkOverview>;
  }

  private async computeOverview(scope: Scope, asOf: string): Promise<ParkOverview> {
    // The expressions of occupancy.measures.ts, the ones `figures` runs: one statement, one row for the date.
    const [r] = await this.db.query<Record<string, number>[]>(figuresSql(OVERVIEW, []), [
      scope.parkId,
      scope.zoneId,
      [asOf],
    ]);
    const v = (name: keyof typeof OCCUPANCY_MEASURES): number => Number(r?.[measureColumn(name)] ?? 0);
    return {
      parkId: scope.parkId,
      zoneId: scope.zoneId,
      asOf,
      totalUnits: v('TOTAL_UNITS'),
      totalArea: v('TOTAL_AREA'),
      occupiedUnits: v('OCCUPIED_UNITS'),
      occupiedArea: v('OCCUPIED_AREA'),
      occupiedEnterprises: v('ENTERPRISES'),
      operatingUnits: v('OPERATING_UNITS'),
      operatingEnterprises: v('OPERATING_ENTERPRISES'),
      reservedUnits: v('RESERVED_UNITS'),
      vacantUnits: v('VACANT_UNITS'),
    };
  }

  /** One point per month end from `from` to `to` (the last point is `to` itself when it is not a month end). */
  async trend(
    actor: Actor,
    parkCode: string,
    zoneCode: string | null | undefined,
    from: string,
    to: string,
    basis: OccupancyBasis,
  ): Promise<OccupancyPoint[]> {
    if (to < from) throw UserInputError.field('to', 'must be on or after from');
    const months =
      (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
      Number(to.slice(5, 7)) -
      Number(from.slice(5, 7));
    if (months > 240) throw UserInputError.field('to', 'must be within 20 years of from');
    const scope = await this.scope(actor, parkCode, zoneCode);
    const key = `trend ${scope.parkId} ${scope.zoneId} ${from} ${to} ${basis}`;
    return this.cache.get(key, scope.version, () => this.computeTrend(scope, from, to, basis)) as Promise<
      OccupancyPoint[]
    >;
  }

  private async computeTrend(
    scope: Scope,
    from: string,
    to: string,
    basis: OccupancyBasis,
  ): Promise<OccupancyPoint[]> {
    const rows = await this.db.query<
      {
        date: string;
        total_units: number;
        total_area: number;
        occupied_units: number;
        occupied_area: number;
        operating_units: number;
      }[]
    >(
      // A sweep instead of joining every tenancy to every date: a tenancy is occupied over [occupied_from, ends_on)
      // and operating over [operating_from, ends_on), so each one adds +1 at the month its span starts and -1 at the
      // month it ends; a running sum over the points gives every point in one pass over the tenancies. `months` puts
      // each span's start and end in the month of its point (NULL when after `to`, or for an empty span); a start
      // before the first point counts from the first point. A span that ends by `to` also started by then, so its
      // end undoes exactly what its start added.
      `WITH points AS (
         SELECT m, least((m + interval '1 month - 1 day')::date, $4::date) AS d
         FROM generate_series(date_trunc('month', $3::date::timestamp), $4::date::timestamp, interval '1 month') AS m
       ), scope AS NOT MATERIALIZED (
         SELECT u.id, u.floor_area FROM unit u
         WHERE u.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2) AND u.leasable
       ), totals AS (
         SELECT count(*)::int AS total_units, coalesce(sum(floor_area), 0)::float8 AS total_area FROM scope
       ), spans AS (
         SELECT s.floor_area, t.ends_on,
                CASE WHEN least(t.fitting_out_from, t.operating_from) IS NOT NULL
                     THEN greatest(t.starts_on, least(t.fitting_out_from, t.operating_from)) END AS occupied_from,
                CASE WHEN t.operating_from IS NOT NULL
                     THEN greatest(t.starts_on, t.operating_from) END AS operating_from
         FROM tenancy t JOIN scope s ON s.id = t.unit_id AND t.park_id = $1
         WHERE t.starts_on <= $4::date AND (t.ends_on IS NULL OR t.ends_on > $3::date)
       ), months AS (
         SELECT CASE WHEN occupied_from <= $4::date AND (ends_on IS NULL OR occupied_from < ends_on)
                     THEN date_trunc('month', greatest(occupied_from, $3::date)::timestamp) END AS occupied_m,
                CASE WHEN operating_from <= $4::date AND (ends_on IS NULL OR operating_from < ends_on)
                     THEN date_trunc('month', greatest(operating_from, $3::date)::timestamp) END AS operating_m,
                CASE WHEN ends_on <= $4::date
                     THEN date_trunc('month', greatest(ends_on, $3::date)::timestamp) END AS ended_m,
                count(*) AS n, sum(floor_area) AS area
         FROM spans
         GROUP BY 1, 2, 3
       ), moves AS (
         SELECT e.m, sum(e.occupied) AS occupied, sum(e.area) AS area, sum(e.operating) AS operating
         FROM months g
         CROSS JOIN LATERAL (VALUES
           (g.occupied_m, g.n, g.area, 0),
           (g.operating_m, 0, 0, g.n),
           (g.ended_m,
            CASE WHEN g.occupied_m IS NULL THEN 0 ELSE -g.n END,
            CASE WHEN g.occupied_m IS NULL THEN 0 ELSE -g.area END,
            CASE WHEN g.operating_m IS NULL THEN 0 ELSE -g.n END)
         ) AS e (m, occupied, area, operating)
         WHERE e.m IS NOT NULL
         GROUP BY e.m
       )
       SELECT to_char(p.d, 'YYYY-MM-DD') AS date, totals.total_units, totals.total_area,
              coalesce(sum(mv.occupied) OVER w, 0)::int AS occupied_units,
              coalesce(sum(mv.area) OVER w, 0)::float8 AS occupied_area,
              coalesce(sum(mv.operating) OVER w, 0)::int AS operating_units
       FROM points p CROSS JOIN totals LEFT JOIN moves mv ON mv.m = p.m
       WINDOW w AS (ORDER BY p.m)
       ORDER BY p.m`,
      [scope.parkId, scope.zoneId, from, to],
    );
    return rows.map((r) => ({
      date: r.date,
      occupiedUnits: r.occupied_units,
      operatingUnits: r.operating_units,
      occupancy:
        basis === OccupancyBasis.AREA
          ? occupancy(basis, r.occupied_area, r.total_area)
          : occupancy(basis, r.occupied_units, r.total_units),
    }));
  }
}
