import { ObligationMetric } from './partner.enums';

/**
 * The SQL definition of each computed obligation metric: a scalar subquery over an obligation's window, the row `w`
 * with `agreement_id`, `park_id`, `from_on` and `to_on` (inclusive dates). One entry per metric. The recruitment and
 * talent tables are this module's neighbours (src/modules/recruitment, src/modules/talent): the definitions read them
 * directly. TRAINEES_* count what the agreement's own institutions deliver: trainees of the cohorts they deliver.
 */
/** The trainees of the cohorts that the agreement's institution parties deliver. */
const DELIVERED_TRAINEES = `SELECT ct.trainee_id FROM agreement_party ap
        JOIN cohort_institution ci ON ci.institution_id = ap.institution_id
        JOIN cohort_trainee ct ON ct.cohort_id = ci.cohort_id
        WHERE ap.agreement_id = w.agreement_id`;

export const OBLIGATION_METRIC_SQL: Record<Exclude<ObligationMetric, ObligationMetric.MANUAL>, string> = {
  [ObligationMetric.LEADS_CONVERTED]: `(SELECT count(*) FROM lead l
      WHERE l.park_id = w.park_id AND l.converted_on BETWEEN w.from_on AND w.to_on)`,
  [ObligationMetric.ENTERPRISES_OPENED]: `(SELECT count(DISTINCT l.enterprise_id) FROM lead l
      WHERE l.park_id = w.park_id AND l.converted_on <= w.to_on
        AND EXISTS (SELECT 1 FROM tenancy t WHERE t.enterprise_id = l.enterprise_id
                    AND t.operating_from BETWEEN w.from_on AND w.to_on))`,
  [ObligationMetric.EVENTS_HELD]: `(SELECT count(*) FROM recruitment_event e
      WHERE e.park_id = w.park_id AND e.held_on BETWEEN w.from_on AND w.to_on)`,
  [ObligationMetric.TRAINEES_ENROLLED]: `(SELECT count(*) FROM (
        SELECT e.trainee_id FROM trainee_status_event e
        WHERE e.trainee_id IN (${DELIVERED_TRAINEES})
          AND e.status IN ('ENROLLED', 'IN_TRAINING', 'IN_PARK', 'GRADUATED', 'PLACED')
        GROUP BY e.trainee_id HAVING min(e.effective_on) BETWEEN w.from_on AND w.to_on) reached)`,
  [ObligationMetric.TRAINEES_PLACED]: `(SELECT count(DISTINCT e.trainee_id) FROM trainee_status_event e
      WHERE e.trainee_id IN (${DELIVERED_TRAINEES})
        AND e.status = 'PLACED' AND e.effective_on BETWEEN w.from_on AND w.to_on)`,
};

/** The CASE over `w.metric` that picks the definition; MANUAL reads the recorded figure. */
export function obligationProgressSql(): string {
  const cases = Object.entries(OBLIGATION_METRIC_SQL)
    .map(([metric, sql]) => `WHEN '${metric}' THEN ${sql}`)
    .join('\n    ');
  return `CASE w.metric::text\n    ${cases}\n    ELSE w.manual_progress END`;
}
