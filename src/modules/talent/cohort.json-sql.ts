import type { JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';

/** Cohort fields PostgreSQL can answer as JSON (json-projection.ts); each gives what toCohort gives. */
export const COHORT_JSON: JsonType = {
  name: 'Cohort',
  columns: {
    id: (c) => idJsonSql('Cohort', `${c}.id`),
    code: (c) => `${c}.code`,
    name: (c) => `${c}.name`,
    intakeOn: (c) => `${c}.intake_on`,
    plannedSize: (c) => `${c}.planned_size`,
  },
};
