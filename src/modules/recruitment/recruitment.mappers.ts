import { Industry, Province } from '../enterprises/enterprise.enums';
import { TenancyStage } from '../tenancies/tenancy.enums';
import { Lead, LeadOpening, LeadStageChange, RecruitmentEvent } from './recruitment.models';
import { LeadStage, RecruitmentEventKind } from './recruitment.enums';

export interface EventRow {
  id: string;
  park_id: string;
  kind: RecruitmentEventKind;
  title: string;
  held_on: string;
  place: string | null;
  organiser: string | null;
  attendance: number | null;
  version: number;
}

export interface LeadRow {
  id: string;
  park_id: string;
  name: string;
  credit_code: string | null;
  industry: Industry;
  origin_province: Province | null;
  origin_city: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  owner_id: string | null;
  owner_name: string | null;
  stage: LeadStage;
  stage_on: string;
  created_on: string;
  lost_reason: string | null;
  next_follow_up_on: string | null;
  enterprise_id: string | null;
  converted_on: string | null;
  version: number;
}

export const toEvent = (r: EventRow): RecruitmentEvent => ({
  id: r.id,
  parkId: r.park_id,
  kind: r.kind,
  title: r.title,
  heldOn: r.held_on,
  place: r.place,
  organiser: r.organiser,
  attendance: r.attendance,
  version: r.version,
});

export const toLead = (r: LeadRow, asOf: string): Lead => ({
  id: r.id,
  parkId: r.park_id,
  enterpriseId: r.enterprise_id,
  asOf,
  name: r.name,
  creditCode: r.credit_code,
  industry: r.industry,
  originProvince: r.origin_province,
  originCity: r.origin_city,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  stage: r.stage,
  stageOn: r.stage_on,
  createdOn: r.created_on,
  lostReason: r.lost_reason,
  nextFollowUpOn: r.next_follow_up_on,
  convertedOn: r.converted_on,
  version: r.version,
});

/** A row of lead_stage_event, as LeadsService.historyOf and the node source read it. */
export interface StageChangeRow {
  id: string;
  lead_id: string;
  stage: LeadStage;
  effective_on: string;
  note: string | null;
}

export const toStageChange = (r: StageChangeRow): LeadStageChange => ({
  id: r.id,
  stage: r.stage,
  effectiveOn: r.effective_on,
  note: r.note,
});

export const toOpening = (r: {
  stage: TenancyStage | null;
  fitting_out_from: string | null;
  operating_from: string | null;
}): LeadOpening => ({ stage: r.stage, fittingOutFrom: r.fitting_out_from, operatingFrom: r.operating_from });
