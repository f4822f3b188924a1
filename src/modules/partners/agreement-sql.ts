/**
 * An agreement's status on a date, as SQL over an `agreement` row aliased `a`: the one definition that lists,
 * agreementsExpiring and ParkOverview.partners all use. `asOf` and `notice` are SQL parameter placeholders (a date and
 * a number of days). A renewal signed on or before asOf takes an agreement out of EXPIRING.
 */
export function agreementStatusSql(a: string, asOf: string, notice: string): string {
  return `CASE
    WHEN ${a}.terminated_on IS NOT NULL AND ${a}.terminated_on <= ${asOf}::date THEN 'TERMINATED'
    WHEN ${a}.signed_on IS NULL OR ${a}.signed_on > ${asOf}::date OR ${a}.starts_on > ${asOf}::date THEN 'DRAFT'
    WHEN ${a}.ends_on < ${asOf}::date THEN 'EXPIRED'
    WHEN ${a}.ends_on <= ${asOf}::date + ${notice}::int
         AND NOT EXISTS (SELECT 1 FROM agreement r WHERE r.renews_id = ${a}.id AND r.signed_on <= ${asOf}::date)
      THEN 'EXPIRING'
    ELSE 'ACTIVE' END`;
}

/** True when the agreement is in force on asOf (ACTIVE or EXPIRING). */
export function agreementInForceSql(a: string, asOf: string): string {
  return `(${a}.signed_on <= ${asOf}::date AND ${a}.starts_on <= ${asOf}::date
    AND (${a}.ends_on IS NULL OR ${a}.ends_on >= ${asOf}::date)
    AND (${a}.terminated_on IS NULL OR ${a}.terminated_on > ${asOf}::date))`;
}
