import { PARK_READERS } from '../access/access.decorators';
import { defineMeasures, MeasureSource } from '../reports/measure-registry';
import { ENROLLED_STATUSES, TraineeStatus } from './talent.enums';
import { certificationValidSql, traineeStatusesSql } from './talent-sql';

/**
 * Talent figures for `figures`, over the fragments ParkOverview.talent counts with (talent-sql.ts): one row per
 * trainee of the park with its status on `pt.d`. Trainees belong to the park, not to a zone.
 */
export const TRAINEES_SOURCE: MeasureSource = {
  name: 'trainees',
  joins: `LEFT JOIN LATERAL (${traineeStatusesSql('$1', 'pt.d')}) ts ON $2::uuid IS NULL`,
  dimensions: {},
  auditedEntities: ['Trainee', 'TraineeStatusEvent'],
  readers: PARK_READERS,
  zoned: false,
};

/** Certifications of the park valid on `pt.d` (ParkOverview.talent.certifiedByLevel counts the same rows). */
export const CERTIFICATIONS_SOURCE: MeasureSource = {
  name: 'certifications',
  joins: `LEFT JOIN certification c ON $2::uuid IS NULL AND c.park_id = $1 AND ${certificationValidSql('c', 'pt.d')}`,
  dimensions: {},
  auditedEntities: ['Certification'],
  readers: PARK_READERS,
  zoned: false,
};

const inStatus = (statuses: readonly TraineeStatus[]) =>
  `count(*) FILTER (WHERE ts.status IN (${statuses.map((s) => `'${s}'`).join(', ')}))`;

export const TALENT_MEASURES = defineMeasures([
  {
    name: 'TRAINEES_ENROLLED',
    source: TRAINEES_SOURCE,
    sql: inStatus(ENROLLED_STATUSES),
    description:
      'Trainees whose status on the date is ENROLLED or a later stage, not WITHDRAWN (parkOverview.talent.traineesEnrolled).',
  },
  {
    name: 'TRAINEES_IN_TRAINING',
    source: TRAINEES_SOURCE,
    sql: inStatus([TraineeStatus.IN_TRAINING]),
    description: 'Trainees whose status on the date is IN_TRAINING.',
  },
  {
    name: 'TRAINEES_IN_PARK',
    source: TRAINEES_SOURCE,
    sql: inStatus([TraineeStatus.IN_PARK]),
    description: 'Trainees whose status on the date is IN_PARK (on placement in the park).',
  },
  {
    name: 'TRAINEES_GRADUATED',
    source: TRAINEES_SOURCE,
    sql: inStatus([TraineeStatus.GRADUATED]),
    description: 'Trainees whose status on the date is GRADUATED (not yet PLACED).',
  },
  {
    name: 'TRAINEES_PLACED',
    source: TRAINEES_SOURCE,
    sql: inStatus([TraineeStatus.PLACED]),
    description: 'Trainees whose status on the date is PLACED (in a job).',
  },
  {
    name: 'CERTIFICATIONS',
    source: CERTIFICATIONS_SOURCE,
    sql: 'count(c.id)',
    description: 'Certifications of the park valid on the date (issued by then, not expired).',
  },
  {
    name: 'CERTIFIED_TRAINEES',
    source: CERTIFICATIONS_SOURCE,
    sql: 'count(DISTINCT c.trainee_id)',
    description: 'Distinct trainees holding at least one certification valid on the date.',
  },
] as const);
