import { today } from '../../graphql/scalars/date.scalar';
import { withAhead } from '../../graphql/resolved-ahead';
import { toEnterprise, type EnterpriseRow } from '../enterprises/enterprise.mapper';
import { stageOn, toTenancy, type TenancyRow } from './tenancy.mappers';
import type { Tenancy } from './tenancy.models';

/** A tenancy row read ahead with its unit, with its enterprise row when that was selected too. */
export type PrefetchedTenancyRow = TenancyRow & { enterprise?: EnterpriseRow };

/**
 * SQL of a column holding every tenancy of unit `u` (oldest first, as Unit.tenancies lists them) as a JSON array of
 * rows, each with its enterprise row when `withEnterprise`: a list of units then reads its tenancies and their
 * enterprises in its own statement. Dates come out as YYYY-MM-DD, as the pg type parser gives them elsewhere.
 */
export function tenancyRowsSql(u: string, withEnterprise: boolean): string {
  const row = withEnterprise
    ? `to_jsonb(pt) || jsonb_build_object('enterprise', to_jsonb(pe))`
    : 'to_jsonb(pt)';
  const join = withEnterprise ? 'JOIN enterprise pe ON pe.id = pt.enterprise_id' : '';
  return `(SELECT coalesce(jsonb_agg(${row} ORDER BY pt.starts_on, pt.id), '[]') FROM tenancy pt ${join} WHERE pt.unit_id = ${u}.id)`;
}

/**
 * Tenancies read ahead (tenancyRowsSql) as Unit.tenancies answers them, with the answers of their own field resolvers
 * attached (resolved-ahead.ts): `stage` without asOf (today, as Tenancy.stage does for a tenancy listed by its unit)
 * and `enterprise` when its row came along. `date` is today's date, taken once per list rather than per row.
 */
export function prefetchedTenancies(rows: PrefetchedTenancyRow[], date: string = today()): Tenancy[] {
  return rows.map((row) => {
    const tenancy = toTenancy(row);
    const ahead: Record<string, unknown> = { stage: stageOn(tenancy, date) };
    if (row.enterprise) ahead.enterprise = toEnterprise(row.enterprise);
    return withAhead(tenancy, ahead);
  });
}
