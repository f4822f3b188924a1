import { Role } from '../src/modules/access/access.enums';
import { codesOf, createApiKey, fingerprints, tableCounts } from './support/access';
import { createUserWithToken, TEST_PASSWORD } from './support/auth';
import { factories, nextCreditCode } from './support/factories';
import { minimalRequest, Operation, operationsOf, schemaOf } from './support/operations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/**
 * Every query and mutation of the schema against every kind of caller. The expected outcomes are written out by hand
 * from the @Public/@Allow rules of the resolvers (and the product rules they implement), so that a change of a rule,
 * or a new operation, has to be made here too.
 */

type Caller = 'anonymous' | 'ADMIN' | 'LEASING' | 'RECRUITER' | 'ANALYST' | 'API_KEY';
const CALLERS: Caller[] = ['anonymous', 'ADMIN', 'LEASING', 'RECRUITER', 'ANALYST', 'API_KEY'];

type Grant = Exclude<Caller, 'anonymous'> | 'ANY_USER';
type Rule = 'PUBLIC' | readonly Grant[];

const ADMIN_ONLY: Grant[] = ['ADMIN'];
/** Who may read park data: everyone but recruiters, and read-only API keys. */
const READERS: Grant[] = ['ADMIN', 'LEASING', 'ANALYST', 'API_KEY'];
/** Readers plus recruiters: parks and the enterprise register. */
const READERS_AND_RECRUITERS: Grant[] = [...READERS, 'RECRUITER'];
/** Who may change units, enterprises and tenancies. */
const LEASING_WRITERS: Grant[] = ['ADMIN', 'LEASING'];

const RULES: Record<string, Rule> = {
  'Query.apiKeys': ADMIN_ONLY,
  'Query.auditLog': ADMIN_ONLY,
  'Query.enterprise': READERS_AND_RECRUITERS,
  'Query.enterprises': READERS_AND_RECRUITERS,
  'Query.health': 'PUBLIC',
  'Query.me': ['ANY_USER', 'API_KEY'],
  'Query.occupancyTrend': READERS,
  'Query.park': READERS_AND_RECRUITERS,
  'Query.parkOverview': READERS,
  'Query.parks': READERS_AND_RECRUITERS,
  'Query.tenancies': READERS,
  'Query.tenancy': READERS,
  'Query.unit': READERS,
  'Query.units': READERS,
  'Query.users': ADMIN_ONLY,
  'Mutation.advanceTenancyStage': LEASING_WRITERS,
  'Mutation.changeMyPassword': ['ANY_USER'],
  'Mutation.correctTenancyStage': LEASING_WRITERS,
  'Mutation.createApiKey': ADMIN_ONLY,
  'Mutation.createEnterprise': LEASING_WRITERS,
  'Mutation.createPark': ADMIN_ONLY,
  'Mutation.createUnits': LEASING_WRITERS,
  'Mutation.createUser': ADMIN_ONLY,
  'Mutation.createZone': LEASING_WRITERS,
  'Mutation.disableUser': ADMIN_ONLY,
  'Mutation.enableUser': ADMIN_ONLY,
  'Mutation.endTenancy': LEASING_WRITERS,
  'Mutation.leaseUnits': LEASING_WRITERS,
  'Mutation.login': 'PUBLIC',
  'Mutation.revokeApiKey': ADMIN_ONLY,
  'Mutation.setUserPassword': ADMIN_ONLY,
  'Mutation.updateEnterprise': LEASING_WRITERS,
  'Mutation.updateUnit': LEASING_WRITERS,
  'Mutation.updateUser': ADMIN_ONLY,
  'Mutation.updateZone': LEASING_WRITERS,
};

type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function expectedOutcome(rule: Rule, caller: Caller): Outcome {
  if (rule === 'PUBLIC') return 'ALLOWED';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (rule.includes(caller)) return 'ALLOWED';
  if (caller !== 'API_KEY' && rule.includes('ANY_USER')) return 'ALLOWED';
  return 'FORBIDDEN';
}

const NO_RULE = 'This operation has no access rule';
/** Errors an allowed caller may meet with made-up arguments: the operation ran and refused the data. */
const DATA_ERRORS = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']);

/** What a response says about access; anything unexpected is spelled out so that a mismatch is readable. */
function outcomeOf(res: GqlResponse<unknown>): string {
  const codes = codesOf(res);
  if (codes.length === 0) return res.data ? 'ALLOWED' : `HTTP ${res.status} without data or errors`;
  const first = res.errors![0]!;
  if (codes.includes('FORBIDDEN')) return first.message === NO_RULE ? `FORBIDDEN (${NO_RULE})` : 'FORBIDDEN';
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.every((c) => DATA_ERRORS.has(c))) return 'ALLOWED';
  return `unexpected ${codes.join(', ')}: ${first.message}`;
}

describe('access matrix: every operation × every caller', () => {
  let t: TestApp;
  let operations: Map<string, Operation>;
  const authorization = {} as Record<Caller, string>;
  /** The public login is called with a real account, so that "allowed" means it signs in. */
  const overrides: Record<string, Record<string, unknown>> = {
    'Mutation.login': { username: 'matrix-login', password: TEST_PASSWORD },
  };

  const call = (op: Operation, caller: Caller) => {
    const { query, variables } = minimalRequest(op, overrides[op.key]);
    return t.gql(query, variables, { authorization: authorization[caller] });
  };

  beforeAll(async () => {
    // The matrix signs in many times; the rate limit has its own tests (access.e2e-spec.ts).
    t = await startTestApp({ LOGIN_MAX_FAILURES: '1000' });
    operations = new Map(operationsOf(schemaOf(t.app)).map((op) => [op.key, op]));
    authorization.anonymous = '';
    authorization.ADMIN = t.adminAuthorization;
    for (const role of [Role.LEASING, Role.RECRUITER, Role.ANALYST] as const) {
      const user = await createUserWithToken(t.app, t.dataSource, {
        roles: [role],
        username: `matrix-${role}`,
      });
      authorization[role] = user.authorization;
    }
    authorization.API_KEY = (await createApiKey(t, 'matrix report client')).authorization;
    await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST], username: 'matrix-login' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a rule in the table for exactly the operations of the schema', () => {
    const inSchema = [...operations.keys()].sort();
    expect(inSchema.length).toBeGreaterThan(30);
    expect(inSchema).toEqual(Object.keys(RULES).sort());
  });

  it('has an access rule on every operation: the all-parks ADMIN never meets "no access rule"', async () => {
    const withoutRule: string[] = [];
    for (const op of operations.values()) {
      const res = await call(op, 'ADMIN');
      if (res.errors?.some((e) => e.message === NO_RULE)) withoutRule.push(op.key);
    }
    expect(withoutRule).toEqual([]);
  });

  it.each(Object.keys(RULES))('answers every caller of %s as its rule says', async (key) => {
    const op = operations.get(key);
    expect(op).toBeDefined();
    const rule = RULES[key]!;
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    // Refused callers first: a refused mutation must leave every table as it was.
    const refusedFirst = [...CALLERS].sort(
      (x, y) =>
        Number(expectedOutcome(rule, x) === 'ALLOWED') - Number(expectedOutcome(rule, y) === 'ALLOWED'),
    );
    const countsBefore = await tableCounts(t);
    let countsAfterRefusals: Record<string, number> | undefined;
    for (const caller of refusedFirst) {
      expected[caller] = expectedOutcome(rule, caller);
      if (expected[caller] === 'ALLOWED') countsAfterRefusals ??= await tableCounts(t);
      actual[caller] = outcomeOf(await call(op!, caller));
    }
    expect(actual).toEqual(expected);
    expect(countsAfterRefusals ?? (await tableCounts(t))).toEqual(countsBefore);
  });

  describe('refused mutations change nothing', () => {
    interface Fixture {
      parkCode: string;
      zoneCode: string;
      zoneId: string;
      unitId: string;
      enterpriseId: string;
      toAdvance: string;
      toCorrect: string;
      toEnd: string;
      userId: string;
      keyId: string;
    }
    type Request = { query: string; variables: Record<string, unknown> };
    let fx: Fixture;

    const versionOf = async (table: string, id: string): Promise<number> => {
      const [row] = await t.dataSource.query<{ version: number }[]>(
        `SELECT version FROM ${table} WHERE id = $1`,
        [id],
      );
      return row!.version;
    };

    /** Arguments that succeed for an allowed caller (checked at the end), so a refusal is what stops them. */
    const VALID: Record<string, () => Promise<Request>> = {
      advanceTenancyStage: async () => ({
        query: 'mutation($input: AdvanceTenancyStageInput!) { advanceTenancyStage(input: $input) { id } }',
        variables: { input: { tenancyId: fx.toAdvance, stage: 'FITTING_OUT', effectiveOn: '2024-02-01' } },
      }),
      changeMyPassword: async () => ({
        query:
          'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { id } }',
        variables: { c: TEST_PASSWORD, n: 'a-brand-new-password-1' },
      }),
      correctTenancyStage: async () => ({
        query: 'mutation($input: CorrectTenancyStageInput!) { correctTenancyStage(input: $input) { id } }',
        variables: {
          input: { tenancyId: fx.toCorrect, stage: 'RESERVED', effectiveOn: '2024-01-02', reason: 'typo' },
        },
      }),
      createApiKey: async () => ({
        query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
        variables: { input: { name: 'matrix-new-key' } },
      }),
      createEnterprise: async () => ({
        query: 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            name: '矩阵新企业',
            creditCode: nextCreditCode(),
            industry: 'STONE_CARVING',
            originProvince: 'CHONGQING',
            leading: false,
          },
        },
      }),
      createPark: async () => ({
        query: 'mutation($input: CreateParkInput!) { createPark(input: $input) { id } }',
        variables: { input: { code: 'matrix-new-park', name: '矩阵新园区' } },
      }),
      createUnits: async () => ({
        query: 'mutation($input: CreateUnitsInput!) { createUnits(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            zoneCode: fx.zoneCode,
            units: [{ code: 'M-NEW', floorArea: 20, kind: 'BAY', leasable: true }],
          },
        },
      }),
      createUser: async () => ({
        query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        variables: {
          input: {
            username: 'matrix-new-user',
            displayName: 'New',
            password: 'a-long-password-1',
            roles: ['LEASING'],
            allParks: true,
          },
        },
      }),
      createZone: async () => ({
        query: 'mutation($input: CreateZoneInput!) { createZone(input: $input) { id } }',
        variables: {
          input: { parkCode: fx.parkCode, code: 'matrix-new-zone', name: '新分区', kind: 'MARKET' },
        },
      }),
      disableUser: async () => ({
        query: 'mutation($id: ID!) { disableUser(id: $id) { id } }',
        variables: { id: fx.userId },
      }),
      enableUser: async () => ({
        query: 'mutation($id: ID!) { enableUser(id: $id) { id } }',
        variables: { id: fx.userId },
      }),
      endTenancy: async () => ({
        query: 'mutation($input: EndTenancyInput!) { endTenancy(input: $input) { id } }',
        variables: { input: { tenancyId: fx.toEnd, endsOn: '2024-06-01', reason: 'moved out' } },
      }),
      leaseUnits: async () => ({
        query: 'mutation($input: LeaseUnitsInput!) { leaseUnits(input: $input) { id } }',
        variables: {
          input: {
            enterpriseId: fx.enterpriseId,
            parkCode: fx.parkCode,
            unitCodes: ['M-004'],
            startsOn: '2024-03-01',
            stage: 'RESERVED',
          },
        },
      }),
      revokeApiKey: async () => ({
        query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
        variables: { id: fx.keyId },
      }),
      setUserPassword: async () => ({
        query: 'mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }',
        variables: { id: fx.userId, p: 'another-password-789' },
      }),
      updateEnterprise: async () => ({
        query: 'mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }',
        variables: {
          input: {
            id: fx.enterpriseId,
            version: await versionOf('enterprise', fx.enterpriseId),
            name: '改名企业',
          },
        },
      }),
      updateUnit: async () => ({
        query: 'mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { id } }',
        variables: { input: { id: fx.unitId, version: await versionOf('unit', fx.unitId), floorArea: 77 } },
      }),
      updateUser: async () => ({
        query: 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
        variables: {
          input: { id: fx.userId, version: await versionOf('app_user', fx.userId), displayName: 'Renamed' },
        },
      }),
      updateZone: async () => ({
        query: 'mutation($input: UpdateZoneInput!) { updateZone(input: $input) { id } }',
        variables: {
          input: { id: fx.zoneId, version: await versionOf('zone', fx.zoneId), name: '改名分区' },
        },
      }),
    };

    beforeAll(async () => {
      const f = factories(t);
      const park = await f.park('matrix-park');
      const zone = await f.zone(park.code, 'matrix-zone');
      const units = await f.units(park.code, zone.code, [
        { code: 'M-001' },
        { code: 'M-002' },
        { code: 'M-003' },
        { code: 'M-004' },
      ]);
      const enterprise = await f.enterprise({ parkCode: park.code });
      const [toAdvance, toCorrect, toEnd] = await f.lease({
        enterpriseId: enterprise.id,
        parkCode: park.code,
        unitCodes: ['M-001', 'M-002', 'M-003'],
        startsOn: '2024-01-01',
      });
      const user = await createUserWithToken(t.app, t.dataSource, {
        roles: [Role.LEASING],
        username: 'matrix-target',
      });
      const key = await createApiKey(t, 'matrix revocable key');
      fx = {
        parkCode: park.code,
        zoneCode: zone.code,
        zoneId: zone.id,
        unitId: units[0]!.id,
        enterpriseId: enterprise.id,
        toAdvance: toAdvance!.id,
        toCorrect: toCorrect!.id,
        toEnd: toEnd!.id,
        userId: user.id,
        keyId: key.id,
      };
    });

    it('has valid arguments for every mutation but the public login', () => {
      const mutations = [...operations.values()]
        .filter((op) => op.kind === 'mutation' && RULES[op.key] !== 'PUBLIC')
        .map((op) => op.name)
        .sort();
      expect(Object.keys(VALID).sort()).toEqual(mutations);
    });

    it('refuses every caller the rule leaves out with valid arguments, and leaves every table as it was', async () => {
      const countsBefore = await tableCounts(t);
      const before = await fingerprints(t);
      const refused: string[] = [];
      for (const [name, request] of Object.entries(VALID)) {
        const rule = RULES[`Mutation.${name}`]!;
        for (const caller of CALLERS) {
          const expected = expectedOutcome(rule, caller);
          if (expected === 'ALLOWED') continue;
          const { query, variables } = await request();
          const res = await t.gql(query, variables, { authorization: authorization[caller] });
          const actual = outcomeOf(res);
          refused.push(
            `${name} as ${caller}: ${actual}${actual === expected ? '' : `, expected ${expected}`}`,
          );
        }
      }
      // 19 mutations, each refused to anonymous callers and to at least one other kind of caller.
      expect(refused.length).toBeGreaterThanOrEqual(38);
      expect(refused.filter((line) => line.includes('expected'))).toEqual([]);
      expect(await tableCounts(t)).toEqual(countsBefore);
      expect(await fingerprints(t)).toEqual(before);
    });

    it('lets an allowed caller make the same requests: the refusals were what stopped them', async () => {
      const before = await fingerprints(t);
      const passwordChanger = await createUserWithToken(t.app, t.dataSource, {
        roles: [Role.LEASING],
        username: 'matrix-password-changer',
      });
      const failures: string[] = [];
      for (const [name, request] of Object.entries(VALID)) {
        const { query, variables } = await request();
        const as = name === 'changeMyPassword' ? passwordChanger.authorization : t.adminAuthorization;
        const res = await t.gql(query, variables, { authorization: as });
        if (res.errors) failures.push(`${name}: ${JSON.stringify(res.errors)}`);
      }
      const after = await fingerprints(t);
      const unchanged = [
        'park',
        'zone',
        'unit',
        'enterprise',
        'tenancy',
        'app_user',
        'api_key',
        'audit_log',
      ].filter((table) => after[table] === before[table]);
      expect({ failures, unchanged }).toEqual({ failures: [], unchanged: [] });
    });
  });
});
