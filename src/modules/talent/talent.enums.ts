import { registerEnumType } from '@nestjs/graphql';

/**
 * Where a trainee stands. The stages are in order (the PostgreSQL enum keeps this order, so `max(status)` is the
 * furthest stage): a trainee only moves forward, possibly skipping stages, or to WITHDRAWN from any stage.
 */
export enum TraineeStatus {
  APPLIED = 'APPLIED',
  ENROLLED = 'ENROLLED',
  IN_TRAINING = 'IN_TRAINING',
  IN_PARK = 'IN_PARK',
  GRADUATED = 'GRADUATED',
  PLACED = 'PLACED',
  WITHDRAWN = 'WITHDRAWN',
}

/** The forward stages, in order (WITHDRAWN is not one). */
export const STAGES: readonly TraineeStatus[] = [
  TraineeStatus.APPLIED,
  TraineeStatus.ENROLLED,
  TraineeStatus.IN_TRAINING,
  TraineeStatus.IN_PARK,
  TraineeStatus.GRADUATED,
  TraineeStatus.PLACED,
];

/** The statuses that count as enrolled: ENROLLED or a later stage (WITHDRAWN does not). */
export const ENROLLED_STATUSES: readonly TraineeStatus[] = STAGES.slice(1);

/** Position of a status in the order above (WITHDRAWN last). */
export const rankOf = (s: TraineeStatus): number =>
  s === TraineeStatus.WITHDRAWN ? STAGES.length : STAGES.indexOf(s);

export enum Gender {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
}

export enum HomeRegion {
  DAZU = 'DAZU',
  ANYUE = 'ANYUE',
  SICHUAN_CHONGQING_OTHER = 'SICHUAN_CHONGQING_OTHER',
  OTHER = 'OTHER',
}

/** The national five-level vocational skill scale (国家职业资格五级). */
export enum CertificationLevel {
  LEVEL_5 = 'LEVEL_5',
  LEVEL_4 = 'LEVEL_4',
  LEVEL_3 = 'LEVEL_3',
  LEVEL_2 = 'LEVEL_2',
  LEVEL_1 = 'LEVEL_1',
}

export enum ContestLevel {
  NATIONAL = 'NATIONAL',
  REGIONAL = 'REGIONAL',
  PROVINCIAL = 'PROVINCIAL',
  MUNICIPAL = 'MUNICIPAL',
}

/** What a target counts. */
export enum TargetMetric {
  TRAINEES_ENROLLED = 'TRAINEES_ENROLLED',
  TRAINEES_GRADUATED = 'TRAINEES_GRADUATED',
  TRAINEES_PLACED = 'TRAINEES_PLACED',
  PEOPLE_CERTIFIED = 'PEOPLE_CERTIFIED',
}

registerEnumType(TraineeStatus, {
  name: 'TraineeStatus',
  description: 'Where a trainee stands; stages only move forward, or to WITHDRAWN from any stage.',
  valuesMap: {
    APPLIED: { description: 'Applied to a program.' },
    ENROLLED: { description: 'Enrolled in a cohort.' },
    IN_TRAINING: { description: 'Training at the delivering institutions.' },
    IN_PARK: { description: 'Practising in the park.' },
    GRADUATED: { description: 'Finished the program.' },
    PLACED: { description: 'Working at an enterprise (enterprise, position and start date recorded).' },
    WITHDRAWN: { description: 'Left the program, from any stage (reason recorded).' },
  },
});

registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender as on the resident ID.',
  valuesMap: { FEMALE: { description: 'Female.' }, MALE: { description: 'Male.' } },
});

registerEnumType(HomeRegion, {
  name: 'HomeRegion',
  description: 'Where a person comes from.',
  valuesMap: {
    DAZU: { description: 'Dazu District, Chongqing (大足).' },
    ANYUE: { description: 'Anyue County, Sichuan (安岳).' },
    SICHUAN_CHONGQING_OTHER: { description: 'Elsewhere in Sichuan or Chongqing.' },
    OTHER: { description: 'Elsewhere.' },
  },
});

registerEnumType(CertificationLevel, {
  name: 'CertificationLevel',
  description: 'Level on the national five-level vocational skill scale; LEVEL_4 is intermediate (中级工).',
  valuesMap: {
    LEVEL_5: { description: '五级 初级工: entry level.' },
    LEVEL_4: { description: '四级 中级工: intermediate.' },
    LEVEL_3: { description: '三级 高级工: advanced.' },
    LEVEL_2: { description: '二级 技师: technician.' },
    LEVEL_1: { description: '一级 高级技师: senior technician.' },
  },
});

registerEnumType(ContestLevel, {
  name: 'ContestLevel',
  description: 'Who organises a skills contest.',
  valuesMap: {
    NATIONAL: { description: 'A national contest (its rounds may be regional).' },
    REGIONAL: { description: 'A contest of a region spanning provinces (e.g. Sichuan–Chongqing).' },
    PROVINCIAL: { description: 'A provincial or municipality-level contest.' },
    MUNICIPAL: { description: 'A district or city contest.' },
  },
});

registerEnumType(TargetMetric, {
  name: 'TargetMetric',
  description: 'What a target counts (within its program when it names one), from its start date.',
  valuesMap: {
    TRAINEES_ENROLLED: { description: 'Trainees who reached ENROLLED or a later stage (not withdrawn).' },
    TRAINEES_GRADUATED: { description: 'Trainees who reached GRADUATED or PLACED.' },
    TRAINEES_PLACED: { description: 'Trainees who reached PLACED.' },
    PEOPLE_CERTIFIED: { description: 'People certified (any level, any occupation).' },
  },
});
