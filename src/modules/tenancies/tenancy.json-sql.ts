import type { JsonRelation, JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';
import { today } from '../../graphql/scalars/date.scalar';
import { ENTERPRISE_JSON } from '../enterprises/enterprise.json-sql';
import { tenancyStageSql } from './stage-sql';

/** Tenancy fields PostgreSQL can answer as JSON (json-projection.ts); each gives what toTenancy and its resolvers give. */
export const TENANCY_JSON: JsonType = {
  name: 'Tenancy',
  columns: {
    id: (t) => idJsonSql('Tenancy', `${t}.id`),
    startsOn: (t) => `${t}.starts_on`,
    fittingOutFrom: (t) => `${t}.fitting_out_from`,
    operatingFrom: (t) => `${t}.operating_from`,
    endsOn: (t) => `${t}.ends_on`,
    endReason: (t) => `${t}.end_reason`,
    version: (t) => `${t}.version`,
    // Without asOf (a projection has no arguments), Tenancy.stage of a tenancy listed by its unit is today's.
    stage: (t, params) => tenancyStageSql(t, `CAST(${params.bind(today())} AS date)`),
  },
  relations: {
    enterprise: {
      type: () => ENTERPRISE_JSON,
      sql: (t, e, object) => `(SELECT ${object} FROM enterprise ${e} WHERE ${e}.id = ${t}.enterprise_id)`,
    },
  },
};

/** Unit.tenancies as JSON: every tenancy of the unit, oldest first (as the resolver lists them). */
export const UNIT_TENANCIES_JSON: JsonRelation = {
  type: () => TENANCY_JSON,
  sql: (u, t, object) =>
    `(SELECT coalesce(json_agg(${object} ORDER BY ${t}.starts_on, ${t}.id), '[]') FROM tenancy ${t} WHERE ${t}.unit_id = ${u}.id)`,
};
