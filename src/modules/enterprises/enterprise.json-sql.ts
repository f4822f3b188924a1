import type { JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';

/** Enterprise fields PostgreSQL can answer as JSON (json-projection.ts); each gives what toEnterprise gives. */
export const ENTERPRISE_JSON: JsonType = {
  name: 'Enterprise',
  columns: {
    id: (e) => idJsonSql('Enterprise', `${e}.id`),
    name: (e) => `${e}.name`,
    nameEn: (e) => `${e}.name_en`,
    creditCode: (e) => `${e}.credit_code`,
    industry: (e) => `${e}.industry`,
    originProvince: (e) => `${e}.origin_province`,
    originCity: (e) => `${e}.origin_city`,
    leading: (e) => `${e}.leading`,
    contactName: (e) => `${e}.contact_name`,
    // Masked for callers not allowed it by the field's own wrapper (personal-data.schema.ts), as on every path.
    contactPhone: (e) => `${e}.contact_phone`,
    registeredOn: (e) => `${e}.registered_on`,
    version: (e) => `${e}.version`,
  },
};
