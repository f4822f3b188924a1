import { dataOf, factories } from './factories';
import type { TestApp } from './test-app';

export const CONTRACT_FIELDS = 'id number status startsOn endsOn rate versionNumber version depositHeld';
export const BILL_FIELDS =
  'id periodStart periodEnd dueOn days rentFreeDays amountBeforeIncentives incentiveDiscount adjustment amount paid outstanding issued';

export interface BillData {
  id: string;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  days: number;
  rentFreeDays: number;
  amountBeforeIncentives: string;
  incentiveDiscount: string;
  adjustment: string;
  amount: string;
  paid: string;
  outstanding: string;
  issued: boolean;
}

export interface ContractData {
  id: string;
  number: string;
  status: string;
  startsOn: string;
  endsOn: string;
  rate: string;
  versionNumber: number;
  version: number;
  depositHeld: string;
}

/** Helpers that create contracts, policies and payments through the GraphQL API (never through SQL). */
export function contractFactories(t: TestApp) {
  const f = factories(t);
  let n = 0;
  const c = {
    /** A park with one zone, bays of the given areas (C-001…), and one enterprise leasing all of them from startsOn. */
    async tenant(
      areas: number[],
      options: { startsOn?: string; enterprise?: Record<string, unknown>; fitOutOn?: string } = {},
    ) {
      const space = await f.space(areas.length, { prefix: 'C', area: (i) => areas[i]! });
      const enterprise = await f.enterprise({ parkCode: space.parkCode, ...options.enterprise });
      const tenancies = await f.lease({
        enterpriseId: enterprise.id,
        parkCode: space.parkCode,
        unitCodes: space.units.map((u) => u.code),
        startsOn: options.startsOn ?? '2024-01-01',
      });
      if (options.fitOutOn)
        for (const ten of tenancies) await f.advance(ten.id, 'FITTING_OUT', options.fitOutOn);
      return { ...space, enterprise, tenancies };
    },

    createRaw(input: Record<string, unknown>) {
      n += 1;
      return t.gql<{ createContract: ContractData & { schedule: BillData[] } }>(
        `mutation($input: CreateContractInput!) { createContract(input: $input) { ${CONTRACT_FIELDS} schedule { ${BILL_FIELDS} } } }`,
        {
          input: {
            number: `HT-${n}`,
            rentBasis: 'PER_SQUARE_METRE',
            paymentCycle: 'MONTHLY',
            signedOn: '2023-12-20',
            ...input,
          },
        },
      );
    },

    async create(input: Record<string, unknown>) {
      return dataOf(await c.createRaw(input)).createContract;
    },

    async policy(parkCode: string, input: Record<string, unknown>): Promise<{ id: string; name: string }> {
      const res = await t.gql<{ createIncentivePolicy: { id: string; name: string } }>(
        'mutation($input: CreateIncentivePolicyInput!) { createIncentivePolicy(input: $input) { id name } }',
        { input: { parkCode, requiresLeading: false, ...input } },
      );
      return dataOf(res).createIncentivePolicy;
    },

    payRaw(input: Record<string, unknown>) {
      return t.gql<{ recordPayment: { id: string; amount: string; allocated: string; credit: string } }>(
        'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id amount allocated credit } }',
        { input: { method: 'BANK_TRANSFER', ...input } },
      );
    },

    async pay(contractId: string, amount: string, receivedOn: string, billId?: string) {
      return dataOf(await c.payRaw({ contractId, amount, receivedOn, billId })).recordPayment;
    },

    async schedule(contractId: string): Promise<BillData[]> {
      const res = await t.gql<{ contract: { schedule: BillData[] } }>(
        `query($id: ID!) { contract(id: $id) { schedule { ${BILL_FIELDS} } } }`,
        { id: contractId },
      );
      return dataOf(res).contract.schedule;
    },
  };
  return c;
}
