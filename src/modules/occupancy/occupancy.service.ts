import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError, UserInputError } from '../../common/errors/app-error';
import { today } from '../../graphql/scalars/date.scalar';
import { occupancy } from './occupancy';
import { Actor, parkScope } from '../access/principal';
import { OccupancyBasis, OccupancyPoint, ParkOverview } from './occupancy.models';

interface Scope {
  parkId: string;
  zoneId: string | null;
}

/**
 * Figures, each one SQL aggregate over the stored tenancies (never stored numbers). A unit is occupied on a date when
 * a tenancy holds it then and has reached FITTING_OUT; the stage rule is the same CASE as stage-sql.ts, inlined
 * here so the planner sees plain column comparisons.
 */
@Injectable()
export class OccupancyService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The park (and zone) of a figure; outside the actor's parks it is NOT_FOUND, like a park that does not exist. */
  async scope(actor: Actor, parkCode: string, zoneCode?: string | null): Promise<Scope> {
    const [row] = await this.db.query<{ park_id: string | null; zone_id: string | null }[]>(
      `SELECT p.id AS park_id, z.id AS zone_id FROM park p
       LEFT JOIN zone z ON z.park_id = p.id AND z.code = $2
       WHERE p.code = $1 AND ($3::uuid[] IS NULL OR p.id = ANY($3))`,
      [parkCode, zoneCode ?? null, parkScope(actor)],
    );
    if (!row?.park_id) throw new NotFoundError('Park', parkCode);
    if (zoneCode && !row.zone_id) throw new NotFoundError('Zone', `${parkCode}/${zoneCode}`);
    return { parkId: row.park_id, zoneId: zoneCode ? row.zone_id : null };
  }

  async overview(
    actor: Actor,
    parkCode: string,
    zoneCode: string | null | undefined,
    asOf = today(),
  ): Promise<ParkOverview> {
    const scope = await this.scope(actor, parkCode, zoneCode);
    const [row] = await this.db.query<Record<string, number>[]>(
      // One pass over the scope: each leasable unit LEFT JOIN the tenancy holding it on asOf, grouped per enterprise
      // (vacant units form the NULL group), so the distinct-enterprise counts come from a small hash aggregate rather
      // than two COUNT(DISTINCT) sorts, and the units are read once (no materialised CTE).
      `SELECT coalesce(sum(units), 0)::int AS total_units,
              coalesce(sum(area), 0)::float8 AS total_area,
              coalesce(sum(occupied_units), 0)::int AS occupied_units,
              coalesce(sum(occupied_area), 0)::float8 AS occupied_area,
              count(*) FILTER (WHERE occupied_units > 0)::int AS occupied_enterprises,
              coalesce(sum(operating_units), 0)::int AS operating_units,
              count(*) FILTER (WHERE operating_units > 0)::int AS operating_enterprises,
              coalesce(sum(reserved_units), 0)::int AS reserved_units,
              coalesce(sum(held_units), 0)::int AS held_units
       FROM (
         SELECT enterprise_id, count(*) AS units, sum(floor_area) AS area,
                count(*) FILTER (WHERE stage >= 1) AS occupied_units,
                sum(floor_area) FILTER (WHERE stage >= 1) AS occupied_area,
                count(*) FILTER (WHERE stage = 2) AS operating_units,
                count(*) FILTER (WHERE stage = 0) AS reserved_units,
                count(stage) AS held_units
         FROM (
           SELECT u.floor_area, t.enterprise_id,
                  CASE WHEN t.operating_from <= $3 THEN 2 WHEN t.fitting_out_from <= $3 THEN 1
                       WHEN t.id IS NOT NULL THEN 0 END AS stage
           FROM unit u
           LEFT JOIN tenancy t
             ON t.unit_id = u.id AND t.starts_on <= $3 AND (t.ends_on IS NULL OR t.ends_on > $3)
           WHERE u.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2) AND u.leasable
         ) unit_on_date
         GROUP BY enterprise_id
       ) per_enterprise`,
      [scope.parkId, scope.zoneId, asOf],
    );
    const r = row;
    return {
      parkId: scope.parkId,
      zoneId: scope.zoneId,
      asOf,
      totalUnits: r.total_units,
      totalArea: r.total_area,
      occupiedUnits: r.occupied_units,
      occupiedArea: r.occupied_area,
      occupiedEnterprises: r.occupied_enterprises,
      operatingUnits: r.operating_units,
      operatingEnterprises: r.operating_enterprises,
      reservedUnits: r.reserved_units,
      vacantUnits: r.total_units - r.held_units,
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
      `WITH dates AS (
         SELECT DISTINCT least((date_trunc('month', m) + interval '1 month - 1 day')::date, $4::date) AS d
         FROM generate_series(date_trunc('month', $3::date), $4::date, interval '1 month') AS m
       ), scope AS (
         SELECT u.id, u.floor_area FROM unit u
         WHERE u.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2) AND u.leasable
       ), totals AS (
         SELECT count(*)::int AS total_units, coalesce(sum(floor_area), 0)::float8 AS total_area FROM scope
       ), held AS (
         SELECT d.d, s.floor_area,
                CASE WHEN t.operating_from <= d.d THEN 2 WHEN t.fitting_out_from <= d.d THEN 1 ELSE 0 END AS stage
         FROM dates d
         JOIN tenancy t ON t.starts_on <= d.d AND (t.ends_on IS NULL OR t.ends_on > d.d)
         JOIN scope s ON s.id = t.unit_id
       )
       SELECT to_char(d.d, 'YYYY-MM-DD') AS date, totals.total_units, totals.total_area,
              count(h.stage) FILTER (WHERE h.stage >= 1)::int AS occupied_units,
              coalesce(sum(h.floor_area) FILTER (WHERE h.stage >= 1), 0)::float8 AS occupied_area,
              count(h.stage) FILTER (WHERE h.stage = 2)::int AS operating_units
       FROM dates d CROSS JOIN totals LEFT JOIN held h ON h.d = d.d
       WHERE d.d >= $3::date
       GROUP BY d.d, totals.total_units, totals.total_area
       ORDER BY d.d`,
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
