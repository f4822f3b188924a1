import { defineMeasures, MeasureSource } from '../reports/measure-registry';

/**
 * The occupancy figures, defined once: parkOverview (occupancy.service.ts) and `figures` (reports) both run these
 * expressions. Rows: each leasable unit in scope on the point date `pt.d`, LEFT JOIN the tenancy holding it then
 * (an exclusion constraint allows at most one) and that tenancy's enterprise. A unit is occupied when the tenancy
 * has reached FITTING_OUT (the stage rule of stage-sql.ts as plain comparisons, so that the planner sees them).
 */
const OCCUPIED = '(t.operating_from <= pt.d OR t.fitting_out_from <= pt.d)';
const OPERATING = '(t.operating_from <= pt.d)';

export const UNITS_SOURCE: MeasureSource = {
  name: 'units',
  joins: `LEFT JOIN (unit u JOIN zone z ON z.id = u.zone_id)
  ON u.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2) AND u.leasable
LEFT JOIN tenancy t ON t.unit_id = u.id AND t.starts_on <= pt.d AND (t.ends_on IS NULL OR t.ends_on > pt.d)
LEFT JOIN enterprise e ON e.id = t.enterprise_id`,
  dimensions: {
    ZONE: 'z.code',
    INDUSTRY: 'e.industry::text',
    ORIGIN_PROVINCE: 'e.origin_province::text',
  },
  auditedEntities: ['Unit', 'Zone', 'Tenancy', 'Enterprise'],
};

export const OCCUPANCY_MEASURES = defineMeasures([
  { name: 'TOTAL_UNITS', source: UNITS_SOURCE, sql: 'count(u.id)', description: 'Leasable units in scope.' },
  {
    name: 'TOTAL_AREA',
    source: UNITS_SOURCE,
    sql: 'coalesce(sum(u.floor_area), 0)::float8',
    description: 'Floor area of the leasable units in scope (m²).',
  },
  {
    name: 'OCCUPIED_UNITS',
    source: UNITS_SOURCE,
    sql: `count(u.id) FILTER (WHERE ${OCCUPIED})`,
    description: 'Leasable units held by a tenancy in FITTING_OUT or OPERATING on the date.',
  },
  {
    name: 'OCCUPIED_AREA',
    source: UNITS_SOURCE,
    sql: `coalesce(sum(u.floor_area) FILTER (WHERE ${OCCUPIED}), 0)::float8`,
    description: 'Floor area of the occupied units (m²).',
  },
  {
    name: 'OCCUPANCY_RATE',
    source: UNITS_SOURCE,
    sql: `coalesce((count(u.id) FILTER (WHERE ${OCCUPIED}))::float8 / nullif(count(u.id), 0), 0)`,
    description: 'OCCUPIED_UNITS / TOTAL_UNITS (0 when nothing is leasable), as a fraction.',
  },
  {
    name: 'OCCUPANCY_RATE_AREA',
    source: UNITS_SOURCE,
    sql: `coalesce(sum(u.floor_area) FILTER (WHERE ${OCCUPIED})::float8 / nullif(sum(u.floor_area), 0)::float8, 0)`,
    description: 'OCCUPIED_AREA / TOTAL_AREA (0 when nothing is leasable), as a fraction.',
  },
  {
    name: 'OPERATING_UNITS',
    source: UNITS_SOURCE,
    sql: `count(u.id) FILTER (WHERE ${OPERATING})`,
    description: 'Leasable units held by a tenancy in OPERATING on the date.',
  },
  {
    name: 'RESERVED_UNITS',
    source: UNITS_SOURCE,
    sql: `count(t.unit_id) - count(u.id) FILTER (WHERE ${OCCUPIED})`,
    description: 'Leasable units held by a tenancy not yet FITTING_OUT (RESERVED) on the date.',
  },
  {
    name: 'VACANT_UNITS',
    source: UNITS_SOURCE,
    sql: 'count(u.id) - count(t.unit_id)',
    description: 'Leasable units held by no tenancy on the date.',
  },
  {
    name: 'ENTERPRISES',
    source: UNITS_SOURCE,
    sql: `count(DISTINCT t.enterprise_id) FILTER (WHERE ${OCCUPIED})`,
    description:
      'Distinct enterprises holding occupied units on the date (parkOverview.occupiedEnterprises).',
  },
  {
    name: 'OPERATING_ENTERPRISES',
    source: UNITS_SOURCE,
    sql: `count(DISTINCT t.enterprise_id) FILTER (WHERE ${OPERATING})`,
    description: 'Distinct enterprises holding OPERATING units on the date.',
  },
] as const);
