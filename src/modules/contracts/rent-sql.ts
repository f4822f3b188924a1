import { inForceSql, versionOnSql } from './contract.mappers';

/**
 * SQL shared by the rent roll, ParkOverview.rent and the bench's raw peer, so that the figures and the list behind
 * them cannot disagree. Parameters: $1 park id, $2 zone id or null, $3 the date.
 */

/**
 * Each unit let on the date under a contract in force then: its tenancy holds the unit, and its monthly rent is the
 * version's rate × floor area (or the fixed amount), escalated by whole years since the term start, rounded half-up
 * to the fen.
 */
export const rentRollSql = (date: string): string => `
  SELECT u.code AS unit_code, z.code AS zone_code, u.floor_area::float8 AS floor_area, u.floor_area::text AS area,
         c.id AS contract_id, c.number AS contract_number, e.name AS enterprise_name,
         e.industry::text AS industry, e.origin_province::text AS origin_province, v.ends_on::text AS ends_on,
         round((CASE WHEN v.rent_basis = 'PER_SQUARE_METRE' THEN v.rate * u.floor_area ELSE v.rate END)
               * power(1 + v.escalation_percent / 100, extract(year FROM age(${date}, v.starts_on))::int), 2)::text AS monthly,
         (c.rent_free_from <= ${date} AND c.rent_free_until > ${date}) AS rent_free
  FROM contract c
  JOIN contract_version v ON v.contract_id = c.id AND v.id = ${versionOnSql('c', date)}
  JOIN contract_tenancy ct ON ct.contract_id = c.id
  JOIN tenancy t ON t.id = ct.tenancy_id AND t.starts_on <= ${date} AND (t.ends_on IS NULL OR t.ends_on > ${date})
  JOIN unit u ON u.id = t.unit_id
  JOIN zone z ON z.id = u.zone_id
  JOIN enterprise e ON e.id = c.enterprise_id
  WHERE c.park_id = $1 AND ($2::uuid IS NULL OR u.zone_id = $2) AND ${inForceSql('c', 'v', date)}`;

/** The rent roll on $3 (parameters $1 park id, $2 zone id or null, $3 the date). */
export const RENT_ROLL_SQL = rentRollSql('$3::date');

/**
 * True when bill `b` counts in the figures of zone $2 (or of the park when $2 is null): its contract is signed (a
 * draft's bills owe nothing yet) and covers a unit of the zone.
 */
export const billInScopeSql = (b: string): string =>
  `(EXISTS (SELECT 1 FROM contract sc WHERE sc.id = ${b}.contract_id AND sc.signed_on IS NOT NULL)
    AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM contract_tenancy zct JOIN tenancy zt ON zt.id = zct.tenancy_id
     JOIN unit zu ON zu.id = zt.unit_id WHERE zct.contract_id = ${b}.contract_id AND zu.zone_id = $2)))`;

/** Bill `b`'s unpaid part on the date `asOf`: its amount less what payments received by then allocated to it. */
export const owedOnSql = (b: string, asOf: string): string =>
  `(${b}.amount - coalesce((SELECT sum(a.amount) FROM payment_allocation a WHERE a.bill_id = ${b}.id AND a.allocated_on <= ${asOf}), 0))`;

/**
 * Receivables aging per enterprise, in buckets of days overdue (bills due on or before $3). Only bills that were
 * unpaid on $3 can owe anything: those still open now (partial index contract_bill_open_park_id_due_on_idx) and those
 * paid after $3 (payment_allocation_allocated_on_idx), so the cost follows what is owed, not the park's history. The
 * unpaid part is computed once per bill (MATERIALIZED), not once per bucket.
 */
export const AGING_SQL = `
  WITH candidate AS MATERIALIZED (
    SELECT b.id FROM contract_bill b WHERE b.park_id = $1 AND b.due_on <= $3::date AND b.paid < b.amount
    UNION
    SELECT a.bill_id FROM payment_allocation a JOIN contract_bill b ON b.id = a.bill_id
    WHERE a.allocated_on > $3::date AND b.park_id = $1 AND b.due_on <= $3::date
  ), owed AS MATERIALIZED (
    SELECT c.enterprise_id, $3::date - b.due_on AS days, ${owedOnSql('b', '$3::date')} AS owed
    FROM candidate k JOIN contract_bill b ON b.id = k.id JOIN contract c ON c.id = b.contract_id
    WHERE ${billInScopeSql('b')}
  )
  SELECT o.enterprise_id, e.name AS enterprise_name,
         coalesce(sum(o.owed) FILTER (WHERE o.days <= 30), 0) AS d0,
         coalesce(sum(o.owed) FILTER (WHERE o.days BETWEEN 31 AND 60), 0) AS d31,
         coalesce(sum(o.owed) FILTER (WHERE o.days BETWEEN 61 AND 90), 0) AS d61,
         coalesce(sum(o.owed) FILTER (WHERE o.days > 90), 0) AS d90,
         sum(o.owed) AS total
  FROM owed o JOIN enterprise e ON e.id = o.enterprise_id
  WHERE o.owed > 0
  GROUP BY o.enterprise_id, e.name
  ORDER BY sum(o.owed) DESC, e.name`;

/** The first due date of the 12-month window that ParkRent.collectionRate reads on `asOf` (a date expression). */
export const collectionWindowStartSql = (asOf: string): string =>
  `((${asOf} - interval '12 months')::date + 1)`;
