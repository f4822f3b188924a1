import { completeCreditCode } from '../../src/modules/enterprises/credit-code';
import type { GqlResponse, TestApp } from './test-app';

/** One entry of a GraphQL response's `errors`. */
export type GqlError = NonNullable<GqlResponse['errors']>[number];

/** The data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) {
    throw new Error(`GraphQL request failed: ${JSON.stringify(res.errors ?? res)}`);
  }
  return res.data;
}

/** The single error of a response that must have failed with `code`. */
export function errorOf(res: GqlResponse<unknown>, code: string): GqlError {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  expect(error.extensions?.code).toBe(code);
  return error;
}

/** The `extensions.fields` of a BAD_USER_INPUT error. */
export function fieldsOf(error: GqlError): { field: string; message: string }[] {
  const fields = error.extensions?.fields;
  expect(Array.isArray(fields)).toBe(true);
  return fields as { field: string; message: string }[];
}

let sequence = 0;
/** A number unique within the test file (each file has its own database). */
export function nextId(): number {
  sequence += 1;
  return sequence;
}

/** A valid unified social credit code, different on every call within a file. */
export function nextCreditCode(): string {
  return completeCreditCode(`91500111${String(nextId()).padStart(8, '0')}`);
}

export const TENANCY_FIELDS = 'id startsOn fittingOutFrom operatingFrom endsOn endReason version';

export interface TenancyData {
  id: string;
  startsOn: string;
  fittingOutFrom: string | null;
  operatingFrom: string | null;
  endsOn: string | null;
  endReason: string | null;
  version: number;
}

export interface UnitSpec {
  code: string;
  floorArea?: number;
  kind?: 'BAY' | 'WORKSHOP' | 'OFFICE' | 'WAREHOUSE';
  leasable?: boolean;
  unleasableReason?: string;
  building?: string;
  floor?: number;
}

export interface UnitData {
  id: string;
  code: string;
  floorArea: number;
  kind: string;
  version: number;
}

export interface EnterpriseSpec {
  name?: string;
  nameEn?: string;
  creditCode?: string;
  industry?: string;
  originProvince?: string;
  originCity?: string;
  leading?: boolean;
  registeredOn?: string;
}

export interface EnterpriseData {
  id: string;
  name: string;
  creditCode: string;
  version: number;
}

export interface LeaseSpec {
  enterpriseId: string;
  parkCode: string;
  unitCodes: string[];
  startsOn: string;
  stage?: 'RESERVED' | 'FITTING_OUT' | 'OPERATING' | 'ENDED';
  note?: string;
}

const LEASE = `mutation($input: LeaseUnitsInput!) {
  leaseUnits(input: $input) { ${TENANCY_FIELDS} unit { code } enterprise { name } }
}`;
const ADVANCE = `mutation($input: AdvanceTenancyStageInput!) {
  advanceTenancyStage(input: $input) { ${TENANCY_FIELDS} }
}`;
const END = `mutation($input: EndTenancyInput!) { endTenancy(input: $input) { ${TENANCY_FIELDS} } }`;
const CORRECT = `mutation($input: CorrectTenancyStageInput!) {
  correctTenancyStage(input: $input) { ${TENANCY_FIELDS} }
}`;

/**
 * Small helpers that create data through the GraphQL API (never through SQL).
 *
 * They always send the input fields that have a schema default (UnitInput.leasable, CreateEnterpriseInput.leading,
 * LeaseUnitsInput.stage): with graphql-jit enabled, a default of a non-null input field inside a variable is not
 * applied from the second execution of a query on (see the dedicated tests in space.e2e-spec.ts and
 * tenancies.e2e-spec.ts), and the other tests should not depend on that bug.
 */
export function factories(t: TestApp) {
  /** Enterprises join the register of the most recently created park unless the spec names one. */
  let latestPark: string | undefined;
  const f = {
    async park(code = `park-${nextId()}`, name = `园区${code}`): Promise<{ id: string; code: string }> {
      const res = await t.gql<{ createPark: { id: string; code: string } }>(
        'mutation($input: CreateParkInput!) { createPark(input: $input) { id code } }',
        { input: { code, name } },
      );
      latestPark = code;
      return dataOf(res).createPark;
    },

    async zone(
      parkCode: string,
      code = `zone-${nextId()}`,
      kind = 'MARKET',
    ): Promise<{ id: string; code: string }> {
      const res = await t.gql<{ createZone: { id: string; code: string } }>(
        'mutation($input: CreateZoneInput!) { createZone(input: $input) { id code } }',
        { input: { parkCode, code, name: `分区${code}`, kind } },
      );
      return dataOf(res).createZone;
    },

    /** Raw createUnits response (for error assertions). */
    createUnitsRaw(parkCode: string, zoneCode: string, units: UnitSpec[]) {
      return t.gql<{ createUnits: UnitData[] }>(
        'mutation($input: CreateUnitsInput!) { createUnits(input: $input) { id code floorArea kind version } }',
        {
          input: {
            parkCode,
            zoneCode,
            units: units.map((u) => ({ kind: 'BAY', floorArea: 50, leasable: true, ...u })),
          },
        },
      );
    },

    async units(parkCode: string, zoneCode: string, units: UnitSpec[]): Promise<UnitData[]> {
      return dataOf(await f.createUnitsRaw(parkCode, zoneCode, units)).createUnits;
    },

    /** A park with one zone holding `count` bays `<prefix>-001`… (50 m² unless `area` says otherwise). */
    async space(
      count: number,
      options: { prefix?: string; area?: (i: number) => number } = {},
    ): Promise<{ parkCode: string; zoneCode: string; units: UnitData[] }> {
      const park = await f.park();
      const zone = await f.zone(park.code);
      const prefix = options.prefix ?? 'B';
      const units = await f.units(
        park.code,
        zone.code,
        Array.from({ length: count }, (_, i) => ({
          code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
          floorArea: options.area?.(i) ?? 50,
        })),
      );
      return { parkCode: park.code, zoneCode: zone.code, units };
    },

    createEnterpriseRaw(spec: EnterpriseSpec & { parkCode?: string } = {}) {
      const n = nextId();
      if (!spec.parkCode && !latestPark)
        throw new Error('create a park before an enterprise (or pass parkCode)');
      return t.gql<{ createEnterprise: EnterpriseData }>(
        'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id name creditCode version } }',
        {
          input: {
            name: `大足石雕企业${n}号`,
            industry: 'STONE_CARVING',
            originProvince: 'CHONGQING',
            leading: false,
            parkCode: latestPark,
            ...spec,
            creditCode: spec.creditCode ?? nextCreditCode(),
          },
        },
      );
    },

    async enterprise(spec: EnterpriseSpec & { parkCode?: string } = {}): Promise<EnterpriseData> {
      return dataOf(await f.createEnterpriseRaw(spec)).createEnterprise;
    },

    leaseRaw(spec: LeaseSpec) {
      return t.gql<{
        leaseUnits: (TenancyData & { unit: { code: string }; enterprise: { name: string } })[];
      }>(LEASE, { input: { stage: 'RESERVED', ...spec } });
    },

    async lease(spec: LeaseSpec): Promise<TenancyData[]> {
      return dataOf(await f.leaseRaw(spec)).leaseUnits;
    },

    /** Leases one unit and returns its tenancy. */
    async leaseOne(spec: Omit<LeaseSpec, 'unitCodes'> & { unitCode: string }): Promise<TenancyData> {
      const { unitCode, ...rest } = spec;
      const [tenancy] = await f.lease({ ...rest, unitCodes: [unitCode] });
      return tenancy!;
    },

    advanceRaw(tenancyId: string, stage: string, effectiveOn: string, note?: string) {
      return t.gql<{ advanceTenancyStage: TenancyData }>(ADVANCE, {
        input: { tenancyId, stage, effectiveOn, note },
      });
    },

    async advance(
      tenancyId: string,
      stage: string,
      effectiveOn: string,
      note?: string,
    ): Promise<TenancyData> {
      return dataOf(await f.advanceRaw(tenancyId, stage, effectiveOn, note)).advanceTenancyStage;
    },

    endRaw(tenancyId: string, endsOn: string, reason = 'lease terminated') {
      return t.gql<{ endTenancy: TenancyData }>(END, { input: { tenancyId, endsOn, reason } });
    },

    async end(tenancyId: string, endsOn: string, reason = 'lease terminated'): Promise<TenancyData> {
      return dataOf(await f.endRaw(tenancyId, endsOn, reason)).endTenancy;
    },

    correctRaw(tenancyId: string, stage: string, effectiveOn: string | null, reason = 'entered wrongly') {
      return t.gql<{ correctTenancyStage: TenancyData }>(CORRECT, {
        input: { tenancyId, stage, effectiveOn, reason },
      });
    },

    async correct(
      tenancyId: string,
      stage: string,
      effectiveOn: string | null,
      reason = 'entered wrongly',
    ): Promise<TenancyData> {
      return dataOf(await f.correctRaw(tenancyId, stage, effectiveOn, reason)).correctTenancyStage;
    },
  };
  return f;
}

export type Factories = ReturnType<typeof factories>;

/** Rows in `table` matching a SQL condition, counted directly in the database. */
export async function countRows(
  t: TestApp,
  table: 'tenancy' | 'unit' | 'enterprise' | 'tenancy_stage_event',
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const [row] = await t.sql<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return row!.n;
}
