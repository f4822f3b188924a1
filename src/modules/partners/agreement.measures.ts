import { PARTNER_READERS } from '../access/access.decorators';
import { defineMeasures, MeasureSource } from '../reports/measure-registry';
import { agreementInForceSql } from './agreement-sql';

/**
 * Agreement figures for `figures`: one row per agreement of the park signed by `pt.d`, the rows
 * ParkOverview.partners.agreementsByKind counts, with the same in-force rule (agreement-sql.ts).
 */
export const AGREEMENTS_SOURCE: MeasureSource = {
  name: 'agreements',
  joins: `LEFT JOIN agreement a ON $2::uuid IS NULL AND a.park_id = $1 AND a.signed_on <= pt.d`,
  dimensions: {},
  auditedEntities: ['Agreement'],
  readers: PARTNER_READERS,
  zoned: false,
};

export const AGREEMENT_MEASURES = defineMeasures([
  {
    name: 'AGREEMENTS_SIGNED',
    source: AGREEMENTS_SOURCE,
    sql: 'count(a.id)',
    description: 'Partner agreements of the park signed on or before the date (any status since).',
  },
  {
    name: 'ACTIVE_AGREEMENTS',
    source: AGREEMENTS_SOURCE,
    sql: `count(a.id) FILTER (WHERE ${agreementInForceSql('a', 'pt.d')})`,
    description:
      'Partner agreements in force on the date (ACTIVE or EXPIRING: the sum of parkOverview.partners.agreementsByKind.active).',
  },
] as const);
