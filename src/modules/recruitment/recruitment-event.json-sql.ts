import type { JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';

/** RecruitmentEvent fields PostgreSQL can answer as JSON (json-projection.ts); each gives what toEvent gives. */
export const RECRUITMENT_EVENT_JSON: JsonType = {
  name: 'RecruitmentEvent',
  columns: {
    id: (ev) => idJsonSql('RecruitmentEvent', `${ev}.id`),
    kind: (ev) => `${ev}.kind`,
    title: (ev) => `${ev}.title`,
    heldOn: (ev) => `${ev}.held_on`,
    place: (ev) => `${ev}.place`,
    organiser: (ev) => `${ev}.organiser`,
    attendance: (ev) => `${ev}.attendance`,
    version: (ev) => `${ev}.version`,
  },
};
