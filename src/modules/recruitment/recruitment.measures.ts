import { PARTNER_READERS } from '../access/access.decorators';
import { defineMeasures, MeasureSource } from '../reports/measure-registry';
import { eventHeldBySql, leadStageOnSql } from './recruitment-sql';

/**
 * Recruitment figures for `figures`, over the fragments ParkOverview.recruitment counts with (recruitment-sql.ts):
 * one row per lead of the park with its stage on `pt.d` (null before its first stage event). Leads have an industry
 * and origin, not a zone.
 */
export const LEADS_SOURCE: MeasureSource = {
  name: 'leads',
  joins: `LEFT JOIN LATERAL (SELECT l.industry, l.origin_province, l.converted_on, ${leadStageOnSql('l', 'pt.d')} AS stage
    FROM lead l WHERE l.park_id = $1) ld ON $2::uuid IS NULL AND ld.stage IS NOT NULL`,
  dimensions: { INDUSTRY: 'ld.industry::text', ORIGIN_PROVINCE: 'ld.origin_province::text' },
  auditedEntities: ['Lead'],
  readers: PARTNER_READERS,
  zoned: false,
};

/** Recruitment events of the park held by `pt.d`. */
export const EVENTS_SOURCE: MeasureSource = {
  name: 'recruitmentEvents',
  joins: `LEFT JOIN recruitment_event ev ON $2::uuid IS NULL AND ev.park_id = $1 AND ${eventHeldBySql('ev', 'pt.d')}`,
  dimensions: {},
  auditedEntities: ['RecruitmentEvent'],
  readers: PARTNER_READERS,
  zoned: false,
};

export const RECRUITMENT_MEASURES = defineMeasures([
  {
    name: 'LEADS',
    source: LEADS_SOURCE,
    sql: 'count(ld.stage)',
    description:
      'Investment leads with a stage on the date, whatever the stage (the sum of parkOverview.recruitment.leadsByStage).',
  },
  {
    name: 'LEADS_SIGNED',
    source: LEADS_SOURCE,
    sql: `count(*) FILTER (WHERE ld.stage = 'SIGNED')`,
    description: 'Leads whose stage on the date is SIGNED.',
  },
  {
    name: 'LEADS_CONVERTED',
    source: LEADS_SOURCE,
    sql: 'count(*) FILTER (WHERE ld.converted_on <= pt.d)',
    description: 'Leads converted into an enterprise of the park on or before the date.',
  },
  {
    name: 'EVENTS_HELD',
    source: EVENTS_SOURCE,
    sql: 'count(ev.id)',
    description:
      'Recruitment events held on or before the date (the sum of parkOverview.recruitment.eventsByKind).',
  },
] as const);
