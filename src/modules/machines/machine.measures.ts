import { defineMeasures, MeasureSource } from '../reports/measure-registry';
import { placedOnSql, statusAtSql } from './machine-sql';
import { startOfParkDaySql } from './machine-time';

/**
 * Machine figures for `figures`, over the shared fragments of machine-sql.ts that ParkOverview.installedMachines
 * counts with (placedOnSql, statusAtSql at the end of the park day). Rows: each placement in scope whose machine
 * stands in its unit on `pt.d`, with the machine and its owner enterprise.
 */
export const PLACEMENTS_SOURCE: MeasureSource = {
  name: 'placements',
  joins: `LEFT JOIN (machine_placement p JOIN unit pu ON pu.id = p.unit_id JOIN zone pz ON pz.id = pu.zone_id
                   JOIN machine m ON m.id = p.machine_id JOIN enterprise pe ON pe.id = m.owner_enterprise_id)
  ON p.park_id = $1 AND ($2::uuid IS NULL OR pu.zone_id = $2) AND ${placedOnSql('p', 'pt.d')}`,
  dimensions: {
    ZONE: 'pz.code',
    INDUSTRY: 'pe.industry::text',
    ORIGIN_PROVINCE: 'pe.origin_province::text',
  },
  auditedEntities: ['Machine', 'MachinePlacement'],
};

/** The end of park day `pt.d`: the instant a machine's status "on a date" is read at (machine-time.ts). */
const END_OF_DAY = `(${startOfParkDaySql('(pt.d + 1)')} - interval '1 microsecond')`;

export const MACHINE_MEASURES = defineMeasures([
  {
    name: 'INSTALLED_MACHINES',
    source: PLACEMENTS_SOURCE,
    sql: `count(m.id) FILTER (WHERE ${statusAtSql('m', END_OF_DAY)} IS DISTINCT FROM 'DECOMMISSIONED')`,
    description:
      'Machines standing in a unit of the scope on the date and not DECOMMISSIONED at the end of that day (parkOverview.installedMachines).',
  },
] as const);
