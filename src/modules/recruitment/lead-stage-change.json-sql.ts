import { idJsonSql } from '../../graphql/id-sql';
import type { JsonType } from '../../graphql/json-projection';

/** LeadStageChange fields PostgreSQL can answer as JSON (json-projection.ts); each gives what toStageChange gives. */
export const LEAD_STAGE_CHANGE_JSON: JsonType = {
  name: 'LeadStageChange',
  columns: {
    id: (e) => idJsonSql('LeadStageChange', `${e}.id`),
    stage: (e) => `${e}.stage`,
    effectiveOn: (e) => `${e}.effective_on`,
    note: (e) => `${e}.note`,
  },
};
