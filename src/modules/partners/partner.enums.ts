import { registerEnumType } from '@nestjs/graphql';

/** What sort of body a partner institution is. */
export enum InstitutionKind {
  UNIVERSITY = 'UNIVERSITY',
  VOCATIONAL_COLLEGE = 'VOCATIONAL_COLLEGE',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  TRAINING_PROVIDER = 'TRAINING_PROVIDER',
  INDUSTRY_ASSOCIATION = 'INDUSTRY_ASSOCIATION',
  GOVERNMENT = 'GOVERNMENT',
  ENTERPRISE_GROUP = 'ENTERPRISE_GROUP',
}

registerEnumType(InstitutionKind, {
  name: 'InstitutionKind',
  description: 'What sort of body a partner institution is.',
  valuesMap: {
    UNIVERSITY: { description: 'A university or one of its schools (本科院校).' },
    VOCATIONAL_COLLEGE: { description: 'A vocational college (高职/职业学院).' },
    RESEARCH_INSTITUTE: { description: 'A research institute.' },
    TRAINING_PROVIDER: { description: 'A training provider or education company (培训机构).' },
    INDUSTRY_ASSOCIATION: { description: 'An industry association or chamber (行业协会).' },
    GOVERNMENT: { description: 'A government body, e.g. a county or its park committee.' },
    ENTERPRISE_GROUP: { description: 'An enterprise group acting as a partner (not a tenant).' },
  },
});

/** What an agreement is about. */
export enum AgreementKind {
  CO_BUILT_COLLEGE = 'CO_BUILT_COLLEGE',
  TEACHING_TRAINING_BASE = 'TEACHING_TRAINING_BASE',
  INDUSTRY_EDUCATION_BASE = 'INDUSTRY_EDUCATION_BASE',
  RESEARCH_CENTRE = 'RESEARCH_CENTRE',
  PARK_CO_CONSTRUCTION = 'PARK_CO_CONSTRUCTION',
  STRATEGIC_COOPERATION = 'STRATEGIC_COOPERATION',
  OTHER = 'OTHER',
}

/** Where an agreement stands on a date; derived from its dates, never stored. */
export enum AgreementStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

/**
 * What an obligation's progress is measured by. Each metric other than MANUAL has one SQL definition in
 * obligation-metrics.ts; a module that can count something new (talent: trainees delivered) adds a value here and its
 * SQL there.
 */
export enum ObligationMetric {
  MANUAL = 'MANUAL',
  LEADS_CONVERTED = 'LEADS_CONVERTED',
  ENTERPRISES_OPENED = 'ENTERPRISES_OPENED',
  EVENTS_HELD = 'EVENTS_HELD',
  TRAINEES_ENROLLED = 'TRAINEES_ENROLLED',
  TRAINEES_PLACED = 'TRAINEES_PLACED',
}

registerEnumType(AgreementKind, {
  name: 'AgreementKind',
  description: 'What an agreement is about.',
  valuesMap: {
    CO_BUILT_COLLEGE: { description: 'A college (or school of one) co-built with the park (共建学院).' },
    TEACHING_TRAINING_BASE: { description: 'A teaching and training base (教学实训基地).' },
    INDUSTRY_EDUCATION_BASE: { description: 'An industry–education integration base (产教融合基地).' },
    RESEARCH_CENTRE: { description: 'A joint research centre.' },
    PARK_CO_CONSTRUCTION: { description: 'Co-construction of the park with another region (共建园区).' },
    STRATEGIC_COOPERATION: { description: 'A strategic cooperation agreement (战略合作).' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'Where an agreement stands on a date, derived from its dates.',
  valuesMap: {
    DRAFT: { description: 'Not signed yet on that date, or signed but its term has not begun.' },
    ACTIVE: { description: 'Signed and in its term.' },
    EXPIRING: {
      description:
        'In its term, ending within the notice period (AGREEMENT_NOTICE_DAYS), and no signed renewal yet.',
    },
    EXPIRED: { description: 'Its term ended before that date.' },
    TERMINATED: { description: 'Ended early, on or before that date; see terminationReason.' },
  },
});

registerEnumType(ObligationMetric, {
  name: 'ObligationMetric',
  description:
    "What an obligation's progress counts. Computed metrics count in the agreement's park from the agreement's start to the due date (or asOf, if earlier).",
  valuesMap: {
    MANUAL: { description: 'A figure recorded by hand (recordObligationProgress).' },
    LEADS_CONVERTED: { description: 'Recruitment leads converted into tenant enterprises.' },
    ENTERPRISES_OPENED: {
      description: 'Enterprises from converted leads that opened for business (a tenancy OPERATING).',
    },
    EVENTS_HELD: { description: 'Recruitment events held.' },
    TRAINEES_ENROLLED: {
      description:
        "Trainees delivered: people of cohorts delivered by the agreement's institutions who reached ENROLLED (or a later status) in the window.",
    },
    TRAINEES_PLACED: {
      description:
        "People of cohorts delivered by the agreement's institutions who were PLACED in a job in the window.",
    },
  },
});
