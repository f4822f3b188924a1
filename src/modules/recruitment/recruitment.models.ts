import { Node } from '../../graphql/node/node.model';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { PARTNER_READERS, PartOfParent, PersonalData, ReadableBy } from '../access/access.decorators';
import { PersonalDataKind } from '../access/personal-data';
import { Industry, Province } from '../enterprises/enterprise.enums';
import { TenancyStage } from '../tenancies/tenancy.enums';
import { Tenancy } from '../tenancies/tenancy.models';
import { FunnelGroupBy, LeadStage, RecruitmentEventKind } from './recruitment.enums';

@ReadableBy(...PARTNER_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A recruitment (招商) event: a market visit, forum, expo or gathering.',
})
export class RecruitmentEvent {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;

  @Field(() => RecruitmentEventKind, { description: 'What sort of event.' })
  kind: RecruitmentEventKind;

  @Field({ description: 'Title.' })
  title: string;

  @Field(() => DateScalar, { description: 'Date held.' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where (e.g. 成都, 重庆, the park).' })
  place: string | null;

  @Field(() => String, { nullable: true, description: 'Who organised it.' })
  organiser: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many attended (people or enterprises, as recorded).',
  })
  attendance: number | null;

  @Field(() => Int, { description: 'Edit version.' })
  version: number;
}

@ReadableBy(...PARTNER_READERS)
@ObjectType({ implements: () => [Node], description: 'One stage a lead reached, with its date.' })
export class LeadStageChange {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field(() => LeadStage, { description: 'Stage reached.' })
  stage: LeadStage;

  @Field(() => DateScalar, { description: 'Date it took effect.' })
  effectiveOn: string;

  @Field(() => String, { nullable: true, description: 'Note (for LOST: the reason).' })
  note: string | null;
}

@ReadableBy(...PARTNER_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A recruitment lead: a prospective tenant enterprise and how far it got.',
})
export class Lead {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;
  enterpriseId: string | null;
  /** The date the parent list was asked about. */
  asOf: string;

  @Field({ description: 'Name of the enterprise (Chinese).' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Unified social credit code, when known.' })
  creditCode: string | null;

  @Field(() => Industry, { description: 'Industry.' })
  industry: Industry;

  @Field(() => Province, { nullable: true, description: 'Province it comes from.' })
  originProvince: Province | null;

  @Field(() => String, { nullable: true, description: 'City it comes from.' })
  originCity: string | null;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  contactName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact phone; masked (138****5678) for analysts and API keys.',
  })
  @PersonalData(PersonalDataKind.PHONE)
  contactPhone: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who owns (follows up) the lead.' })
  ownerId: string | null;

  @Field(() => String, { nullable: true, description: "The owner's display name." })
  ownerName: string | null;

  @Field(() => LeadStage, { description: 'Current stage.' })
  stage: LeadStage;

  @Field(() => DateScalar, { description: 'Date the current stage took effect.' })
  stageOn: string;

  @Field(() => DateScalar, { description: 'Date the lead was recorded (NEW).' })
  createdOn: string;

  @Field(() => String, { nullable: true, description: 'Why it was lost (stage LOST).' })
  lostReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Next follow-up date.' })
  nextFollowUpOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date converted into a tenant (stage CONVERTED).' })
  convertedOn: string | null;

  @Field(() => Int, { description: 'Edit version; pass it back to update mutations.' })
  version: number;
}

@PartOfParent()
@ObjectType({
  description: "Where a converted lead's enterprise stands on a date: its most advanced held unit.",
})
export class LeadOpening {
  @Field(() => TenancyStage, {
    nullable: true,
    description:
      'RESERVED, FITTING_OUT or OPERATING on asOf (the most advanced of its units); null if none held.',
  })
  stage: TenancyStage | null;

  @Field(() => DateScalar, { nullable: true, description: 'First date any of its units was fitting out.' })
  fittingOutFrom: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First date any of its units was operating (open).',
  })
  operatingFrom: string | null;
}

@PartOfParent()
@ObjectType({ description: 'Median days between two steps of the funnel, over the leads that took both.' })
export class FunnelMedians {
  @Field(() => Float, { nullable: true, description: 'NEW → CONTACTED.' })
  toContacted: number | null;

  @Field(() => Float, { nullable: true, description: 'CONTACTED → NEGOTIATING.' })
  toNegotiating: number | null;

  @Field(() => Float, { nullable: true, description: 'NEGOTIATING → SIGNED.' })
  toSigned: number | null;

  @Field(() => Float, { nullable: true, description: 'SIGNED → fitting out (first unit).' })
  toFittingOut: number | null;

  @Field(() => Float, { nullable: true, description: 'Fitting out → operating (open).' })
  toOperating: number | null;
}

@PartOfParent()
@ObjectType({
  description: 'One group of the recruitment funnel: counts of leads that reached each step by `to`.',
})
export class FunnelGroup {
  @Field(() => String, {
    nullable: true,
    description: 'Group key: event global id, kind, owner (user) global id, industry or province.',
  })
  key: string | null;

  @Field(() => String, { nullable: true, description: 'Group label: event title, owner name, or the key.' })
  label: string | null;

  @Field(() => Int, { description: 'Leads recorded in the period.' })
  leads: number;

  @Field(() => Int, { description: 'Of those, contacted (reached CONTACTED or beyond).' })
  contacted: number;

  @Field(() => Int, { description: 'Reached NEGOTIATING or beyond.' })
  negotiating: number;

  @Field(() => Int, { description: 'Reached SIGNED or beyond (converted included).' })
  signed: number;

  @Field(() => Int, { description: 'Converted, with a unit fitting out (or open) by `to`.' })
  fittingOut: number;

  @Field(() => Int, { description: 'Converted, with a unit operating (open) by `to`.' })
  operating: number;

  @Field(() => Int, { description: 'LOST by `to`.' })
  lost: number;

  @Field(() => Float, { description: 'signed / leads (0 when no leads).' })
  signedRate: number;

  @Field(() => Float, { description: 'operating / leads: from lead to open bay (0 when no leads).' })
  openRate: number;

  @Field(() => FunnelMedians, { description: 'Median days between steps.' })
  medianDays: FunnelMedians;
}

@ReadableBy(...PARTNER_READERS)
@ObjectType({ description: 'The recruitment funnel of a park over a period, grouped.' })
export class RecruitmentFunnel {
  @Field(() => DateScalar, { description: 'First day of the period (leads recorded from).' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the period; stages are counted as of this day.' })
  to: string;

  @Field(() => FunnelGroupBy, { description: 'How leads are grouped.' })
  groupBy: FunnelGroupBy;

  @Field(() => [FunnelGroup], { description: 'Groups, largest first.' })
  groups: FunnelGroup[];

  @Field(() => FunnelGroup, { description: 'All leads of the period (each lead once).' })
  total: FunnelGroup;
}

@PartOfParent()
@ObjectType({ description: 'Recruitment events of one kind.' })
export class EventKindCount {
  @Field(() => RecruitmentEventKind, { description: 'Kind.' })
  kind: RecruitmentEventKind;

  @Field(() => Int, { description: 'Events of this kind held on or before asOf.' })
  count: number;
}

@PartOfParent()
@ObjectType({ description: 'Leads in one stage.' })
export class LeadStageCount {
  @Field(() => LeadStage, { description: 'Stage.' })
  stage: LeadStage;

  @Field(() => Int, { description: 'Leads in this stage on asOf (recorded by then).' })
  count: number;
}

@ReadableBy(...PARTNER_READERS)
@ObjectType({ description: 'Recruitment figures of a park on a date.' })
export class RecruitmentFigures {
  @Field(() => [EventKindCount], { description: 'Events held on or before asOf, by kind.' })
  eventsByKind: EventKindCount[];

  @Field(() => [LeadStageCount], { description: 'Leads by their stage on asOf.' })
  leadsByStage: LeadStageCount[];
}

export const RecruitmentEventConnection = ConnectionType(RecruitmentEvent, 'RecruitmentEvent');
export const LeadConnection = ConnectionType(Lead, 'Lead');

@PartOfParent()
@ObjectType({ description: 'What convertLead did: the converted lead and the tenancies it created.' })
export class ConvertLeadResult {
  @Field(() => Lead, { description: 'The lead, now CONVERTED.' })
  lead: Lead;

  @Field(() => [Tenancy], { description: 'The tenancies created, in the order of unitCodes.' })
  tenancies: Tenancy[];
}
