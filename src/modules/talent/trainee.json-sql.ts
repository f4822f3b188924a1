import type { JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';
import { COHORT_JSON } from './cohort.json-sql';
import { statusAtSql } from './talent-sql';

/**
 * Trainee fields PostgreSQL can answer as JSON (json-projection.ts) for a list as of `asOf`; each gives what toTrainee
 * and its resolvers give without arguments. Personal data (phone) is the stored value: the field's own wrapper masks
 * it for roles not allowed it (personal-data.schema.ts), as on every path. idNumber (decrypted and audited) has no
 * SQL form, so selecting it takes the usual path.
 */
export function traineeJson(asOf: string): JsonType {
  return {
    name: 'Trainee',
    columns: {
      id: (t) => idJsonSql('Trainee', `${t}.id`),
      name: (t) => `${t}.name`,
      gender: (t) => `${t}.gender`,
      birthOn: (t) => `${t}.birth_on`,
      phone: (t) => `${t}.phone`,
      homeRegion: (t) => `${t}.home_region`,
      erased: (t) => `(${t}.erased_at IS NOT NULL)`,
      version: (t) => `${t}.version`,
      status: (t, params) => statusAtSql(t, `CAST(${params.bind(asOf)} AS date)`),
    },
    relations: {
      // Trainee.cohorts: by intake date, then code (as the loader lists them).
      cohorts: {
        type: () => COHORT_JSON,
        sql: (t, c, object) =>
          `(SELECT coalesce(json_agg(${object} ORDER BY ${c}.intake_on, ${c}.code), '[]')
            FROM cohort_trainee ${c}_m JOIN cohort ${c} ON ${c}.id = ${c}_m.cohort_id WHERE ${c}_m.trainee_id = ${t}.id)`,
      },
    },
  };
}
