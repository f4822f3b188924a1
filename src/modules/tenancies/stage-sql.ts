/**
 * SQL fragments for "what stage was this tenancy in on date :param". They are the single definition every list,
 * loader and figure uses, so a figure and the list behind it can never disagree.
 */

/** True when tenancy `t` holds its unit on the date bound as `:param`. */
export function holdsOnSql(t: string, param: string): string {
  return `(${t}.starts_on <= :${param} AND (${t}.ends_on IS NULL OR ${t}.ends_on > :${param}))`;
}

/** The stage (RESERVED / FITTING_OUT / OPERATING) of tenancy `t` on a date it holds its unit. */
export function stageOnSql(t: string, param: string): string {
  return `(CASE WHEN ${t}.operating_from <= :${param} THEN 'OPERATING' WHEN ${t}.fitting_out_from <= :${param} THEN 'FITTING_OUT' ELSE 'RESERVED' END)`;
}

/** The derived UnitStatus of unit `u` on the date `:param`. */
export function unitStatusSql(u: string, param: string): string {
  return `(CASE WHEN NOT ${u}.leasable THEN 'UNAVAILABLE' ELSE COALESCE((SELECT ${stageOnSql('st', param)} FROM tenancy st WHERE st.unit_id = ${u}.id AND ${holdsOnSql('st', param)}), 'VACANT') END)`;
}

/**
 * Tenancy.stage of tenancy `t` on the SQL date `date`, exactly as stageOn (tenancy.mappers.ts) answers it: null
 * before it starts, ENDED from its end date on, else the latest stage reached.
 */
export function tenancyStageSql(t: string, date: string): string {
  return `(CASE WHEN ${date} < ${t}.starts_on THEN NULL WHEN ${t}.ends_on IS NOT NULL AND ${date} >= ${t}.ends_on THEN 'ENDED' WHEN ${t}.operating_from <= ${date} THEN 'OPERATING' WHEN ${t}.fitting_out_from <= ${date} THEN 'FITTING_OUT' ELSE 'RESERVED' END)`;
}
