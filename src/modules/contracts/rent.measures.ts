import { FINANCE_READERS } from '../access/access.decorators';
import { defineMeasures, MeasureSource } from '../reports/measure-registry';
import { billInScopeSql, collectionWindowStartSql, owedOnSql, rentRollSql } from './rent-sql';

/**
 * Rent figures for `figures`, over the SQL ParkOverview.rent and the rent roll run (rent-sql.ts). Rows: each unit
 * let on `pt.d` under a contract in force, with its monthly rent. Finance readers only, like ParkRent.
 */
export const RENT_ROLL_SOURCE: MeasureSource = {
  name: 'rentRoll',
  joins: `LEFT JOIN LATERAL (${rentRollSql('pt.d')}) r ON true`,
  dimensions: { ZONE: 'r.zone_code', INDUSTRY: 'r.industry', ORIGIN_PROVINCE: 'r.origin_province' },
  auditedEntities: ['Contract', 'ContractVersion', 'Tenancy', 'Unit'],
  readers: FINANCE_READERS,
};

/**
 * The bills of the scope due on or before `pt.d` (a bill counts in a zone when its contract covers a unit there:
 * billInScopeSql). The collection window is the 12 months to the date, as in ParkRent.collectionRate.
 */
export const BILLS_SOURCE: MeasureSource = {
  name: 'bills',
  joins: `LEFT JOIN contract_bill b ON b.park_id = $1 AND b.due_on <= pt.d AND ${billInScopeSql('b')}`,
  dimensions: {},
  auditedEntities: ['Contract', 'Bill', 'Payment'],
  readers: FINANCE_READERS,
};

const IN_WINDOW = `b.due_on >= ${collectionWindowStartSql('pt.d')}`;
const INVOICED = `coalesce(sum(b.amount) FILTER (WHERE ${IN_WINDOW}), 0)`;
const COLLECTED = `coalesce(sum(b.amount - ${owedOnSql('b', 'pt.d')}) FILTER (WHERE ${IN_WINDOW}), 0)`;

export const RENT_MEASURES = defineMeasures([
  {
    name: 'CONTRACTED_RENT',
    source: RENT_ROLL_SOURCE,
    sql: 'coalesce(sum(r.monthly::numeric), 0)',
    description:
      'Monthly rent of the units let on the date under contracts in force, in yuan (parkOverview.rent.contractedMonthlyRent).',
  },
  {
    name: 'LET_UNITS',
    source: RENT_ROLL_SOURCE,
    sql: 'count(r.unit_code)',
    description: 'Units let on the date under a contract in force (the rows of the rent roll).',
  },
  {
    name: 'RENT_FREE_UNITS',
    source: RENT_ROLL_SOURCE,
    sql: 'count(*) FILTER (WHERE r.rent_free)',
    description: 'Let units in a rent-free period on the date (parkOverview.rent.rentFreeUnits).',
  },
  {
    name: 'INVOICED',
    source: BILLS_SOURCE,
    sql: INVOICED,
    description:
      'Amount of the bills due in the 12 months to the date, in yuan (parkOverview.rent.collectionRate.billed).',
  },
  {
    name: 'COLLECTED',
    source: BILLS_SOURCE,
    sql: COLLECTED,
    description:
      'What payments received by the date settled of the bills due in the 12 months to it, in yuan (parkOverview.rent.collectionRate.collected).',
  },
  {
    name: 'COLLECTION_RATE',
    source: BILLS_SOURCE,
    sql: `coalesce(${COLLECTED}::float8 / nullif(${INVOICED}, 0)::float8, 1)`,
    description:
      'COLLECTED / INVOICED as a fraction (1 when nothing was due: parkOverview.rent.collectionRate.rate).',
  },
  {
    name: 'RECEIVABLES_OVERDUE',
    source: BILLS_SOURCE,
    sql: `coalesce(sum(${owedOnSql('b', 'pt.d')}) FILTER (WHERE b.due_on < pt.d), 0)`,
    description: 'Unpaid part on the date of the bills due before it, in yuan (parkOverview.rent.arrears).',
  },
] as const);
