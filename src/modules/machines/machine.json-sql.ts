import type { JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';
import { ENTERPRISE_JSON } from '../enterprises/enterprise.json-sql';
import { UNIT_JSON } from '../space/unit.json-sql';
import { placedOnSql, statusAtSql } from './machine-sql';
import { endOfParkDay } from './machine-time';

/**
 * The unit a listed machine stands in, without relations: Unit.tenancies of a machine's unit is left to its resolver
 * (the unit carries the list's date there), so a selection of it takes the usual path.
 */
const PLACED_UNIT_JSON: JsonType = { name: UNIT_JSON.name, columns: UNIT_JSON.columns };

/**
 * Machine fields PostgreSQL can answer as JSON (json-projection.ts) for a list as of `asOf`; each gives what toMachine
 * and its resolvers give without arguments: status at the end of that park day, the unit it stands in that day.
 */
export function machineJson(asOf: string): JsonType {
  return {
    name: 'Machine',
    columns: {
      id: (m) => idJsonSql('Machine', `${m}.id`),
      serialNumber: (m) => `${m}.serial_number`,
      type: (m) => `${m}.type`,
      manufacturer: (m) => `${m}.manufacturer`,
      model: (m) => `${m}.model`,
      axes: (m) => `${m}.axes`,
      spindlePowerKw: (m) => `${m}.spindle_power_kw`,
      commissionedYear: (m) => `${m}.commissioned_year`,
      version: (m) => `${m}.version`,
      status: (m, params) => statusAtSql(m, `CAST(${params.bind(endOfParkDay(asOf))} AS timestamptz)`),
    },
    relations: {
      unit: {
        type: () => PLACED_UNIT_JSON,
        sql: (m, u, object, params) =>
          `(SELECT ${object} FROM machine_placement ${u}_p JOIN unit ${u} ON ${u}.id = ${u}_p.unit_id
            WHERE ${u}_p.machine_id = ${m}.id AND ${placedOnSql(`${u}_p`, `CAST(${params.bind(asOf)} AS date)`)} LIMIT 1)`,
      },
      owner: {
        type: () => ENTERPRISE_JSON,
        sql: (m, e, object) =>
          `(SELECT ${object} FROM enterprise ${e} WHERE ${e}.id = ${m}.owner_enterprise_id)`,
      },
    },
  };
}
