import { StageEventKind, TenancyStage } from './tenancy.enums';
import { Tenancy, TenancyStageEvent } from './tenancy.models';

export interface TenancyRow {
  id: string;
  unit_id: string;
  enterprise_id: string;
  starts_on: string;
  fitting_out_from: string | null;
  operating_from: string | null;
  ends_on: string | null;
  end_reason: string | null;
  version: number;
}

export interface StageEventRow {
  id: string;
  tenancy_id: string;
  kind: StageEventKind;
  stage: TenancyStage;
  effective_on: string | null;
  previous_effective_on: string | null;
  note: string | null;
  recorded_at: Date;
}

export const toTenancy = (r: TenancyRow, asOf?: string): Tenancy => ({
  id: r.id,
  unitId: r.unit_id,
  enterpriseId: r.enterprise_id,
  startsOn: r.starts_on,
  fittingOutFrom: r.fitting_out_from,
  operatingFrom: r.operating_from,
  endsOn: r.ends_on,
  endReason: r.end_reason,
  version: r.version,
  asOf,
});

export const toStageEvent = (r: StageEventRow): TenancyStageEvent => ({
  id: r.id,
  kind: r.kind,
  stage: r.stage,
  effectiveOn: r.effective_on,
  previousEffectiveOn: r.previous_effective_on,
  note: r.note,
  recordedAt: r.recorded_at,
});

/**
 * The stage of a tenancy on a date, from its row (the same rule as stageOnSql). Null when the tenancy does not
 * hold its unit that day (not yet started); ENDED from its end date on.
 */
export function stageOn(t: Tenancy, date: string): TenancyStage | null {
  if (date < t.startsOn) return null;
  if (t.endsOn && date >= t.endsOn) return TenancyStage.ENDED;
  if (t.operatingFrom && t.operatingFrom <= date) return TenancyStage.OPERATING;
  if (t.fittingOutFrom && t.fittingOutFrom <= date) return TenancyStage.FITTING_OUT;
  return TenancyStage.RESERVED;
}
