import type { EnterpriseRow } from '../enterprises/enterprise.mapper';
import type { TenancyRow } from './tenancy.mappers';

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
