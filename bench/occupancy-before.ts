import { DataSource } from 'typeorm';
import { occupancy } from '../src/modules/occupancy/occupancy';
import { OccupancyBasis, OccupancyPoint, ParkOverview } from '../src/modules/occupancy/occupancy.models';

/**
 * The occupancy SQL as it was before the figures were reworked (a materialised scope CTE read three times and two
 * COUNT(DISTINCT) sorts; the trend joining every tenancy to every month end), kept verbatim so that the bench can
 * time old against new on the same data and check that both give identical figures.
 */
export interface BeforeScope {
  parkId: string;
  zoneId: string | null;
}

export async function overviewBefore(
  db: DataSource,
  scope: BeforeScope,
  asOf: string,
): Promise<ParkOverview> {
  const [r] = await db.query<Record<string, number>[]>(
    `WITH scope AS (
       SELECT u.id, u.floor_area FROM unit u
       WHERE u.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2) AND u.leasable
     ), held AS (
       SELECT s.floor_area, t.enterprise_id,
              CASE WHEN t.operating_from <= $3 THEN 2 WHEN t.fitting_out_from <= $3 THEN 1 ELSE 0 END AS stage
       FROM scope s JOIN tenancy t ON t.unit_id = s.id
       WHERE t.starts_on <= $3 AND (t.ends_on IS NULL OR t.ends_on > $3)
     )
     SELECT (SELECT count(*) FROM scope)::int AS total_units,
            (SELECT coalesce(sum(floor_area), 0) FROM scope)::float8 AS total_area,
            count(*) FILTER (WHERE stage >= 1)::int AS occupied_units,
            coalesce(sum(floor_area) FILTER (WHERE stage >= 1), 0)::float8 AS occupied_area,
            count(DISTINCT enterprise_id) FILTER (WHERE stage >= 1)::int AS occupied_enterprises,
            count(*) FILTER (WHERE stage = 2)::int AS operating_units,
            count(DISTINCT enterprise_id) FILTER (WHERE stage = 2)::int AS operating_enterprises,
            count(*) FILTER (WHERE stage = 0)::int AS reserved_units,
            count(*)::int AS held_units
     FROM held`,
    [scope.parkId, scope.zoneId, asOf],
  );
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

export async function trendBefore(
  db: DataSource,
  scope: BeforeScope,
  from: string,
  to: string,
  basis: OccupancyBasis,
): Promise<OccupancyPoint[]> {
  const rows = await db.query<
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
