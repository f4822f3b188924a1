import { Agreement, AgreementParty, Obligation } from './agreement.models';
import { AgreementKind, AgreementStatus, ObligationMetric } from './partner.enums';

export interface AgreementRow {
  id: string;
  park_id: string;
  title: string;
  kind: AgreementKind;
  signed_on: string | null;
  starts_on: string;
  ends_on: string | null;
  terminated_on: string | null;
  termination_reason: string | null;
  renews_id: string | null;
  version: number;
  /** Selected with agreementStatusSql. */
  status: AgreementStatus;
}

export interface PartyRow {
  agreement_id: string;
  institution_id: string | null;
  enterprise_id: string | null;
}

export interface ObligationRow {
  id: string;
  agreement_id: string;
  description: string;
  metric: ObligationMetric;
  target: string | null;
  due_on: string | null;
  progress: string | number | null;
  version: number;
}

export const toAgreement = (r: AgreementRow, asOf: string): Agreement => ({
  id: r.id,
  parkId: r.park_id,
  asOf,
  renewsId: r.renews_id,
  title: r.title,
  kind: r.kind,
  signedOn: r.signed_on,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  terminatedOn: r.terminated_on,
  terminationReason: r.termination_reason,
  status: r.status,
  statusOn: asOf,
  version: r.version,
});

export const toParty = (r: PartyRow): AgreementParty => ({
  institutionId: r.institution_id,
  enterpriseId: r.enterprise_id,
});

export const toObligation = (r: ObligationRow, asOf: string): Obligation => {
  const target = r.target === null ? null : Number(r.target);
  const progress = r.progress === null ? null : Number(r.progress);
  return {
    id: r.id,
    agreementId: r.agreement_id,
    description: r.description,
    metric: r.metric,
    target,
    dueOn: r.due_on,
    progress,
    progressRate: target === null ? null : Math.round(((progress ?? 0) / target) * 10000) / 10000,
    overdue: r.due_on !== null && r.due_on < asOf && target !== null && (progress ?? 0) < target,
    asOf,
    version: r.version,
  };
};
