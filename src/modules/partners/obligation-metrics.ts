import { ObligationMetric } from './partner.enums';

/**
 * The SQL definition of each computed obligation metric: a scalar subquery over an obligation's window, the row `w`
 * with `park_id`, `from_on` and `to_on` (inclusive dates). One entry per metric; talent adds TRAINEES_* the same way.
 * The recruitment tables are this module's neighbours (src/modules/recruitment): the definitions read them directly.
 */
export const OBLIGATION_METRIC_SQL: Record<Exclude<ObligationMetric, ObligationMetric.MANUAL>, string> = {
  [ObligationMetric.LEADS_CONVERTED]: `(SELECT count(*) FROM lead l
      WHERE l.park_id = w.park_id AND l.converted_on BETWEEN w.from_on AND w.to_on)`,
  [ObligationMetric.ENTERPRISES_OPENED]: `(SELECT count(DISTINCT l.enterprise_id) FROM lead l
      WHERE l.park_id = w.park_id AND l.converted_on <= w.to_on
        AND EXISTS (SELECT 1 FROM tenancy t WHERE t.enterprise_id = l.enterprise_id
                    AND t.operating_from BETWEEN w.from_on AND w.to_on))`,
  [ObligationMetric.EVENTS_HELD]: `(SELECT count(*) FROM recruitment_event e
      WHERE e.park_id = w.park_id AND e.held_on BETWEEN w.from_on AND w.to_on)`,
};

/** The CASE over `w.metric` that picks the definition; MANUAL reads the recorded figure. */
export function obligationProgressSql(): string {
  const cases = Object.entries(OBLIGATION_METRIC_SQL)
    .map(([metric, sql]) => `WHEN '${metric}' THEN ${sql}`)
    .join('\n    ');
  return `CASE w.metric::text\n    ${cases}\n    ELSE w.manual_progress END`;
}
