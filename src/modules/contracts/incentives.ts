import { Industry, Province } from '../enterprises/enterprise.enums';

export interface QualifyingPolicy {
  requiresLeading: boolean;
  originProvinces: Province[] | null;
  industries: Industry[] | null;
}

export interface Applicant {
  leading: boolean;
  originProvince: Province;
  industry: Industry;
}

/** Why an enterprise does not qualify for a policy (empty when it does): the refusal states every reason. */
export function qualificationProblems(policy: QualifyingPolicy, e: Applicant): string[] {
  const reasons: string[] = [];
  if (policy.requiresLeading && !e.leading) reasons.push('it is not a leading enterprise (龙头企业)');
  if (policy.originProvinces?.length && !policy.originProvinces.includes(e.originProvince))
    reasons.push(`its origin ${e.originProvince} is not one of ${policy.originProvinces.join(', ')}`);
  if (policy.industries?.length && !policy.industries.includes(e.industry))
    reasons.push(`its industry ${e.industry} is not one of ${policy.industries.join(', ')}`);
  return reasons;
}
