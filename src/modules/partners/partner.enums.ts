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
