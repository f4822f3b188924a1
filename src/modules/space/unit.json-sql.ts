import type { JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';
import { UNIT_TENANCIES_JSON } from '../tenancies/tenancy.json-sql';

/** Unit fields PostgreSQL can answer as JSON (json-projection.ts); each gives what toUnit and its resolvers give. */
export const UNIT_JSON: JsonType = {
  name: 'Unit',
  columns: {
    id: (u) => idJsonSql('Unit', `${u}.id`),
    code: (u) => `${u}.code`,
    kind: (u) => `${u}.kind`,
    building: (u) => `${u}.building`,
    floor: (u) => `${u}.floor`,
    floorArea: (u) => `${u}.floor_area`,
    leasable: (u) => `${u}.leasable`,
    unleasableReason: (u) => `${u}.unleasable_reason`,
    version: (u) => `${u}.version`,
  },
  relations: { tenancies: UNIT_TENANCIES_JSON },
};
