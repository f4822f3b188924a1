import type { JsonType } from '../../graphql/json-projection';
import { idJsonSql } from '../../graphql/id-sql';
import { ENTERPRISE_JSON } from '../enterprises/enterprise.json-sql';
import { LEAD_STAGE_CHANGE_JSON } from './lead-stage-change.json-sql';
import { RECRUITMENT_EVENT_JSON } from './recruitment-event.json-sql';

/**
 * Lead fields PostgreSQL can answer as JSON (json-projection.ts); each gives what toLead and its resolvers give.
 * contactPhone is the stored value: the field's own wrapper masks it for roles not allowed it, as on every path.
 * ownerId and opening have no SQL form here, so selecting them takes the usual path.
 */
export const LEAD_JSON: JsonType = {
  name: 'Lead',
  columns: {
    id: (l) => idJsonSql('Lead', `${l}.id`),
    name: (l) => `${l}.name`,
    creditCode: (l) => `${l}.credit_code`,
    industry: (l) => `${l}.industry`,
    originProvince: (l) => `${l}.origin_province`,
    originCity: (l) => `${l}.origin_city`,
    contactName: (l) => `${l}.contact_name`,
    contactPhone: (l) => `${l}.contact_phone`,
    ownerName: (l) => `(SELECT ou.display_name FROM app_user ou WHERE ou.id = ${l}.owner_id)`,
    stage: (l) => `${l}.stage`,
    stageOn: (l) => `${l}.stage_on`,
    createdOn: (l) => `${l}.created_on`,
    lostReason: (l) => `${l}.lost_reason`,
    nextFollowUpOn: (l) => `${l}.next_follow_up_on`,
    convertedOn: (l) => `${l}.converted_on`,
    version: (l) => `${l}.version`,
  },
  relations: {
    // Lead.events: its source events by date (as the loader lists them).
    events: {
      type: () => RECRUITMENT_EVENT_JSON,
      sql: (l, ev, object) =>
        `(SELECT coalesce(json_agg(${object} ORDER BY ${ev}.held_on, ${ev}.id), '[]')
          FROM lead_event ${ev}_l JOIN recruitment_event ${ev} ON ${ev}.id = ${ev}_l.event_id WHERE ${ev}_l.lead_id = ${l}.id)`,
    },
    // Lead.stageHistory: every stage reached, by date, then stage order.
    stageHistory: {
      type: () => LEAD_STAGE_CHANGE_JSON,
      sql: (l, e, object) =>
        `(SELECT coalesce(json_agg(${object} ORDER BY ${e}.effective_on, ${e}.stage), '[]')
          FROM lead_stage_event ${e} WHERE ${e}.lead_id = ${l}.id)`,
    },
    enterprise: {
      type: () => ENTERPRISE_JSON,
      sql: (l, e, object) => `(SELECT ${object} FROM enterprise ${e} WHERE ${e}.id = ${l}.enterprise_id)`,
    },
  },
};
