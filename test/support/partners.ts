import { dataOf } from './factories';
import type { TestApp } from './test-app';

export interface LeadData {
  id: string;
  name: string;
  stage: string;
  stageOn: string;
  version: number;
}

export const LEAD_FIELDS = 'id name stage stageOn version';

/** Partner and recruitment records made through the API, as the test admin unless told otherwise. */
export function partnerFactories(t: TestApp) {
  const run = async <T>(query: string, variables: Record<string, unknown>, authorization?: string) =>
    dataOf(await t.gql<T>(query, variables, authorization ? { authorization } : {}));
  const f = {
    async institution(parkCode: string, name: string, kind = 'VOCATIONAL_COLLEGE'): Promise<{ id: string }> {
      return (
        await run<{ createInstitution: { id: string } }>(
          'mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
          { input: { parkCode, name, kind } },
        )
      ).createInstitution;
    },
    async agreement(input: Record<string, unknown>): Promise<{
      id: string;
      version: number;
      status: string;
      obligations: { id: string; version: number }[];
    }> {
      return (
        await run<{
          createAgreement: {
            id: string;
            version: number;
            status: string;
            obligations: { id: string; version: number }[];
          };
        }>(
          `mutation($input: CreateAgreementInput!) {
             createAgreement(input: $input) { id version status obligations { id version } } }`,
          { input: { kind: 'INDUSTRY_EDUCATION_BASE', title: '测试协议', ...input } },
        )
      ).createAgreement;
    },
    async event(parkCode: string, input: Record<string, unknown> = {}): Promise<{ id: string }> {
      return (
        await run<{ createRecruitmentEvent: { id: string } }>(
          'mutation($input: CreateRecruitmentEventInput!) { createRecruitmentEvent(input: $input) { id } }',
          {
            input: { parkCode, kind: 'MARKET_VISIT', title: '成都市场走访', heldOn: '2023-03-01', ...input },
          },
        )
      ).createRecruitmentEvent;
    },
    async lead(parkCode: string, input: Record<string, unknown> = {}): Promise<LeadData> {
      return (
        await run<{ createLead: LeadData }>(
          `mutation($input: CreateLeadInput!) { createLead(input: $input) { ${LEAD_FIELDS} } }`,
          {
            input: {
              parkCode,
              name: '测试石材公司',
              industry: 'STONE_MATERIAL',
              createdOn: '2023-03-01',
              ...input,
            },
          },
        )
      ).createLead;
    },
    async advance(lead: LeadData, stage: string, effectiveOn: string, note?: string): Promise<LeadData> {
      return (
        await run<{ advanceLead: LeadData }>(
          `mutation($input: AdvanceLeadInput!) { advanceLead(input: $input) { ${LEAD_FIELDS} } }`,
          { input: { id: lead.id, version: lead.version, stage, effectiveOn, note } },
        )
      ).advanceLead;
    },
    /** A lead taken to SIGNED through CONTACTED and NEGOTIATING on the dates given. */
    async signedLead(
      parkCode: string,
      input: Record<string, unknown> = {},
      dates: [string, string, string] = ['2023-03-10', '2023-04-01', '2023-05-01'],
    ): Promise<LeadData> {
      let lead = await f.lead(parkCode, input);
      lead = await f.advance(lead, 'CONTACTED', dates[0]);
      lead = await f.advance(lead, 'NEGOTIATING', dates[1]);
      return f.advance(lead, 'SIGNED', dates[2]);
    },
  };
  return f;
}
