import { Node } from '../../graphql/node/node.model';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { PARTNER_READERS, PartOfParent, ReadableBy } from '../access/access.decorators';
import { AgreementKind, AgreementStatus, InstitutionKind, ObligationMetric } from './partner.enums';

@ReadableBy(...PARTNER_READERS)
@ObjectType({
  implements: () => [Node],
  description:
    'An agreement (协议) of the park with institutions and/or enterprises; its status is derived from its dates on asOf.',
})
export class Agreement {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;
  /** The date the status describes (the list's asOf). */
  asOf: string;
  renewsId: string | null;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => AgreementKind, { description: 'What the agreement is about.' })
  kind: AgreementKind;

  @Field(() => DateScalar, { nullable: true, description: 'Date signed; null while a draft.' })
  signedOn: string | null;

  @Field(() => DateScalar, { description: 'First day of the term.' })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the term; null: open-ended.' })
  endsOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date it was terminated early, if it was.' })
  terminatedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was terminated early.' })
  terminationReason: string | null;

  @Field(() => AgreementStatus, {
    description: 'Status on asOf, derived from the dates and the notice period (AGREEMENT_NOTICE_DAYS).',
  })
  status: AgreementStatus;

  @Field(() => DateScalar, { description: 'The date the status describes.' })
  statusOn: string;

  @Field(() => Int, { description: 'Edit version; pass it back to update mutations.' })
  version: number;
}

@PartOfParent()
@ObjectType({ description: 'A party of an agreement besides the park: an institution or an enterprise.' })
export class AgreementParty {
  institutionId: string | null;
  enterpriseId: string | null;
}

@ReadableBy(...PARTNER_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'Something an agreement commits a party to, with an optional target and its progress.',
})
export class Obligation {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  agreementId: string;

  @Field({ description: 'What is promised.' })
  description: string;

  @Field(() => ObligationMetric, { description: 'What progress counts.' })
  metric: ObligationMetric;

  @Field(() => Float, {
    nullable: true,
    description: 'Target figure (e.g. 50 enterprises); null: not measurable.',
  })
  target: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the target is due.' })
  dueOn: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Progress on asOf: the metric counted from the agreement's start to the due date (or asOf, if earlier); for MANUAL, the recorded figure.",
  })
  progress: number | null;

  @Field(() => Float, { nullable: true, description: 'progress / target (1 = met); null without a target.' })
  progressRate: number | null;

  @Field({ description: 'Due on or before asOf with progress below target.' })
  overdue: boolean;

  @Field(() => DateScalar, { description: 'The date progress describes.' })
  asOf: string;

  @Field(() => Int, { description: 'Edit version; pass it back to update mutations.' })
  version: number;
}

@PartOfParent()
@ObjectType({ description: 'Agreements of one kind.' })
export class AgreementKindCount {
  @Field(() => AgreementKind, { description: 'Kind.' })
  kind: AgreementKind;

  @Field(() => Int, { description: 'Agreements of this kind signed on or before asOf.' })
  count: number;

  @Field(() => Int, { description: 'Of those, in force on asOf (ACTIVE or EXPIRING).' })
  active: number;
}

@PartOfParent()
@ObjectType({ description: 'Institutions of one kind.' })
export class InstitutionKindCount {
  @Field(() => InstitutionKind, { description: 'Kind.' })
  kind: InstitutionKind;

  @Field(() => Int, { description: 'Institutions of this kind in the register.' })
  count: number;
}

@ReadableBy(...PARTNER_READERS)
@ObjectType({ description: 'Partner figures of a park on a date.' })
export class PartnerFigures {
  parkId: string;
  asOf: string;

  @Field(() => [InstitutionKindCount], { description: 'Institutions in the partner register, by kind.' })
  institutionsByKind: InstitutionKindCount[];

  @Field(() => [AgreementKindCount], { description: 'Agreements signed on or before asOf, by kind.' })
  agreementsByKind: AgreementKindCount[];

  @Field(() => Int, {
    description: 'Distinct institutions party to an INDUSTRY_EDUCATION_BASE agreement in force on asOf.',
  })
  industryEducationPartners: number;
}

export const AgreementConnection = ConnectionType(Agreement, 'Agreement');
