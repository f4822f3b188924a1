import { keyOf } from './support/ids';
import { JwtService } from '@nestjs/jwt';
import { createHash } from 'node:crypto';
import { Role } from '../src/modules/access/access.enums';
import { codesOf, createApiKey, CreatedKey, fingerprints, login, tableCounts } from './support/access';
import { createUserWithToken, TEST_PASSWORD } from './support/auth';
import { dataOf, errorOf, factories, Factories, nextCreditCode, TenancyData } from './support/factories';
import { minimalRequest, operationsOf, schemaOf } from './support/operations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const JWT_SECRET = 's'.repeat(40);
const JWT_TTL_SECONDS = 600;

interface Page<N> {
  totalCount: number;
  edges: { node: N }[];
}

const ME = '{ me { kind id name roles parkCodes } }';
interface MeData {
  me: { kind: string; id: string; name: string; roles: string[]; parkCodes: string[] | null };
}

const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { id username roles allParks parkCodes disabled version }
}`;
interface UserData {
  id: string;
  username: string;
  roles: string[];
  allParks: boolean;
  parkCodes: string[];
  disabled: boolean;
  version: number;
}

describe('access', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET, JWT_TTL_SECONDS: String(JWT_TTL_SECONDS) });
    f = factories(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const createUser = async (input: Record<string, unknown>): Promise<UserData> =>
    dataOf(
      await t.gql<{ createUser: UserData }>(CREATE_USER, {
        input: { displayName: String(input.username), password: TEST_PASSWORD, ...input },
      }),
    ).createUser;

  describe('park scoping', () => {
    interface Side {
      parkCode: string;
      zoneCode: string;
      unitIds: string[];
      enterpriseId: string;
      tenancy: TenancyData;
    }
    let a: Side;
    let b: Side;
    let leasingA: string;
    let analystB: string;

    const side = async (code: string, prefix: string): Promise<Side> => {
      const park = await f.park(code);
      const zone = await f.zone(park.code, `${code}-zone`);
      const units = await f.units(park.code, zone.code, [
        { code: `${prefix}-001` },
        { code: `${prefix}-002` },
        { code: `${prefix}-003` },
      ]);
      const enterprise = await f.enterprise({ parkCode: park.code, name: `${prefix}园企业` });
      const tenancy = await f.leaseOne({
        enterpriseId: enterprise.id,
        parkCode: park.code,
        unitCode: `${prefix}-001`,
        startsOn: '2024-01-01',
      });
      return {
        parkCode: park.code,
        zoneCode: zone.code,
        unitIds: units.map((u) => u.id),
        enterpriseId: enterprise.id,
        tenancy,
      };
    };

    beforeAll(async () => {
      a = await side('scope-a', 'A');
      b = await side('scope-b', 'B');
      leasingA = (
        await createUserWithToken(t.app, t.dataSource, { roles: [Role.LEASING], parks: [a.parkCode] })
      ).authorization;
      analystB = (
        await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST], parks: [b.parkCode] })
      ).authorization;
    });

    const parkCodes = async (authorization: string) =>
      dataOf(
        await t.gql<{ parks: { code: string }[] }>('{ parks { code } }', {}, { authorization }),
      ).parks.map((p) => p.code);

    it('lists only the parks in scope, and answers park(code) outside the scope with null', async () => {
      expect(await parkCodes(leasingA)).toEqual([a.parkCode]);
      expect(await parkCodes(analystB)).toEqual([b.parkCode]);
      // The all-parks admin sees both: the lists above are cut by the scope, not empty by accident.
      expect(await parkCodes(t.adminAuthorization)).toEqual(expect.arrayContaining([a.parkCode, b.parkCode]));

      const park = (code: string, authorization: string) =>
        t.gql<{ park: { code: string } | null }>(
          'query($code: String!) { park(code: $code) { code } }',
          { code },
          { authorization },
        );
      expect(dataOf(await park(b.parkCode, leasingA)).park).toBeNull();
      expect(dataOf(await park(a.parkCode, leasingA)).park).toEqual({ code: a.parkCode });
      expect(dataOf(await park(a.parkCode, analystB)).park).toBeNull();
      expect(dataOf(await park(b.parkCode, analystB)).park).toEqual({ code: b.parkCode });
    });

    it("lists only the scope's units", async () => {
      const units = async (authorization: string) =>
        dataOf(
          await t.gql<{ units: Page<{ id: string; park: { code: string } }> }>(
            '{ units(first: 100) { totalCount edges { node { id park { code } } } } }',
            {},
            { authorization },
          ),
        ).units;
      const ofA = await units(leasingA);
      expect(ofA.totalCount).toBe(3);
      expect(ofA.edges.map((e) => e.node.id).sort()).toEqual([...a.unitIds].sort());
      const ofB = await units(analystB);
      expect(ofB.totalCount).toBe(3);
      expect(ofB.edges.map((e) => e.node.id).sort()).toEqual([...b.unitIds].sort());
    });

    it("lists only the scope's enterprises", async () => {
      const enterprises = async (authorization: string) =>
        dataOf(
          await t.gql<{ enterprises: Page<{ id: string }> }>(
            '{ enterprises(first: 100) { totalCount edges { node { id } } } }',
            {},
            { authorization },
          ),
        ).enterprises;
      const ofA = await enterprises(leasingA);
      expect(ofA.edges.map((e) => e.node.id)).toEqual([a.enterpriseId]);
      expect(ofA.totalCount).toBe(1);
      const ofB = await enterprises(analystB);
      expect(ofB.edges.map((e) => e.node.id)).toEqual([b.enterpriseId]);
      expect(ofB.totalCount).toBe(1);
    });

    it("lists only the scope's tenancies", async () => {
      const tenancies = async (authorization: string, filter: Record<string, unknown> = {}) =>
        dataOf(
          await t.gql<{ tenancies: Page<{ id: string }> }>(
            'query($filter: TenancyFilter) { tenancies(asOf: "2024-06-01", first: 100, filter: $filter) { totalCount edges { node { id } } } }',
            { filter },
            { authorization },
          ),
        ).tenancies;
      const all = await tenancies(t.adminAuthorization);
      expect(all.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([a.tenancy.id, b.tenancy.id]));

      const ofA = await tenancies(leasingA);
      expect(ofA.edges.map((e) => e.node.id)).toEqual([a.tenancy.id]);
      expect(ofA.totalCount).toBe(1);
      const ofB = await tenancies(analystB);
      expect(ofB.edges.map((e) => e.node.id)).toEqual([b.tenancy.id]);
      expect(ofB.totalCount).toBe(1);
      // Naming the other park in the filter does not get round the scope either.
      const asked = await tenancies(leasingA, { parkCode: b.parkCode });
      expect(asked.edges).toEqual([]);
      expect(asked.totalCount).toBe(0);
    });

    it('answers enterprise(id) and tenancy(id) of another park with null, like an id that does not exist', async () => {
      const enterprise = (id: string, authorization: string) =>
        t.gql<{ enterprise: { id: string } | null }>(
          'query($id: ID!) { enterprise(id: $id) { id } }',
          { id },
          { authorization },
        );
      const tenancy = (id: string, authorization: string) =>
        t.gql<{ tenancy: { id: string } | null }>(
          'query($id: ID!) { tenancy(id: $id) { id } }',
          { id },
          { authorization },
        );
      expect(dataOf(await tenancy(b.tenancy.id, leasingA)).tenancy).toBeNull();
      expect(dataOf(await tenancy(a.tenancy.id, leasingA)).tenancy).toEqual({ id: a.tenancy.id });
      expect(dataOf(await tenancy(a.tenancy.id, analystB)).tenancy).toBeNull();

      expect(dataOf(await enterprise(b.enterpriseId, leasingA)).enterprise).toBeNull();
      expect(dataOf(await enterprise(a.enterpriseId, leasingA)).enterprise).toEqual({ id: a.enterpriseId });
      expect(dataOf(await enterprise(a.enterpriseId, analystB)).enterprise).toBeNull();
    });

    it('answers parkOverview of another park with NOT_FOUND, shaped exactly like a park that does not exist', async () => {
      const overview = (parkCode: string, authorization: string) =>
        t.gql<{ parkOverview: { totalUnits: number } }>(
          'query($parkCode: String!) { parkOverview(parkCode: $parkCode, asOf: "2024-06-01") { totalUnits } }',
          { parkCode },
          { authorization },
        );
      const outside = errorOf(await overview(b.parkCode, leasingA), 'NOT_FOUND');
      const missing = errorOf(await overview('no-such-park', leasingA), 'NOT_FOUND');
      const shape = (error: typeof outside, code: string) => ({
        message: error.message.replace(code, '<code>'),
        extensions: { ...error.extensions, key: String(error.extensions?.key).replace(code, '<code>') },
      });
      expect(outside.message).toContain(b.parkCode);
      expect(shape(outside, b.parkCode)).toEqual({
        ...shape(missing, 'no-such-park'),
        extensions: {
          ...shape(missing, 'no-such-park').extensions,
          requestId: outside.extensions?.requestId,
        },
      });
      expect(dataOf(await overview(a.parkCode, leasingA)).parkOverview.totalUnits).toBe(3);
      errorOf(await overview(a.parkCode, analystB), 'NOT_FOUND');
      expect(dataOf(await overview(b.parkCode, analystB)).parkOverview.totalUnits).toBe(3);
    });

    it("refuses to change another park's unit, enterprise or tenancy with NOT_FOUND and changes nothing", async () => {
      const before = await fingerprints(t);
      const unitVersion = (
        await t.sql<{ version: number }[]>('SELECT version FROM unit WHERE id = $1', [b.unitIds[1]])
      )[0]!.version;
      const enterpriseVersion = (
        await t.sql<{ version: number }[]>('SELECT version FROM enterprise WHERE id = $1', [b.enterpriseId])
      )[0]!.version;

      const updateUnit = await t.gql(
        'mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { id } }',
        { input: { id: b.unitIds[1], version: unitVersion, floorArea: 99 } },
        { authorization: leasingA },
      );
      expect(errorOf(updateUnit, 'NOT_FOUND').message).toContain(b.unitIds[1]);
      const updateEnterprise = await t.gql(
        'mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }',
        { input: { id: b.enterpriseId, version: enterpriseVersion, name: '越权改名' } },
        { authorization: leasingA },
      );
      expect(errorOf(updateEnterprise, 'NOT_FOUND').message).toContain(b.enterpriseId);
      const advance = await t.gql(
        'mutation($input: AdvanceTenancyStageInput!) { advanceTenancyStage(input: $input) { id } }',
        { input: { tenancyId: b.tenancy.id, stage: 'FITTING_OUT', effectiveOn: '2024-02-01' } },
        { authorization: leasingA },
      );
      errorOf(advance, 'NOT_FOUND');
      const end = await t.gql(
        'mutation($input: EndTenancyInput!) { endTenancy(input: $input) { id } }',
        { input: { tenancyId: b.tenancy.id, endsOn: '2024-03-01', reason: 'not mine' } },
        { authorization: leasingA },
      );
      errorOf(end, 'NOT_FOUND');

      expect(await fingerprints(t)).toEqual(before);
      // The same unit update in scope goes through (the admin stands in for a leasing user of park B).
      const own = await t.gql<{ updateUnit: { version: number } }>(
        'mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { version } }',
        { input: { id: b.unitIds[1], version: unitVersion, floorArea: 99 } },
      );
      expect(dataOf(own).updateUnit.version).toBe(unitVersion + 1);
    });

    it('refuses leaseUnits and createZone in another park with NOT_FOUND and creates nothing', async () => {
      const before = await tableCounts(t);
      const lease = await f.leaseRaw({
        enterpriseId: b.enterpriseId,
        parkCode: b.parkCode,
        unitCodes: ['B-003'],
        startsOn: '2024-03-01',
      });
      // leaseRaw sends the admin's token: check it is a valid request first, then send it as the park-A user.
      expect(lease.errors).toBeUndefined();
      const counts = await tableCounts(t);
      expect(counts.tenancy).toBe(before.tenancy + 1);

      const asA = await t.gql(
        'mutation($input: LeaseUnitsInput!) { leaseUnits(input: $input) { id } }',
        {
          input: {
            enterpriseId: b.enterpriseId,
            parkCode: b.parkCode,
            unitCodes: ['B-002'],
            startsOn: '2024-03-01',
            stage: 'RESERVED',
          },
        },
        { authorization: leasingA },
      );
      expect(errorOf(asA, 'NOT_FOUND').message).toContain(b.parkCode);
      const zone = await t.gql(
        'mutation($input: CreateZoneInput!) { createZone(input: $input) { id } }',
        { input: { parkCode: b.parkCode, code: 'sneaky-zone', name: '越权分区', kind: 'MARKET' } },
        { authorization: leasingA },
      );
      expect(errorOf(zone, 'NOT_FOUND').message).toContain(b.parkCode);
      expect(await tableCounts(t)).toEqual(counts);

      // In park A the same user can do both.
      const ownZone = await t.gql(
        'mutation($input: CreateZoneInput!) { createZone(input: $input) { id } }',
        { input: { parkCode: a.parkCode, code: 'own-zone', name: '自己的分区', kind: 'MARKET' } },
        { authorization: leasingA },
      );
      expect(ownZone.errors).toBeUndefined();
    });

    describe('a park-scoped ADMIN', () => {
      let adminA: { id: string; authorization: string };
      beforeAll(async () => {
        adminA = await createUserWithToken(t.app, t.dataSource, {
          roles: [Role.ADMIN],
          parks: [a.parkCode],
          username: 'admin-of-a',
        });
      });

      const createUserAs = (authorization: string, input: Record<string, unknown>) =>
        t.gql<{ createUser: UserData }>(
          CREATE_USER,
          { input: { displayName: 'Someone', password: TEST_PASSWORD, roles: ['LEASING'], ...input } },
          { authorization },
        );

      it('cannot create parks', async () => {
        const before = await tableCounts(t);
        const res = await t.gql(
          'mutation($input: CreateParkInput!) { createPark(input: $input) { id } }',
          { input: { code: 'scoped-admin-park', name: '越权园区' } },
          { authorization: adminA.authorization },
        );
        errorOf(res, 'FORBIDDEN');
        expect(await tableCounts(t)).toEqual(before);
      });

      it('cannot grant all parks, nor parks outside its scope (NOT_FOUND), but can create users in its park', async () => {
        const before = await tableCounts(t);
        errorOf(
          await createUserAs(adminA.authorization, { username: 'would-be-global', allParks: true }),
          'FORBIDDEN',
        );
        const outside = await createUserAs(adminA.authorization, {
          username: 'would-be-in-b',
          parkCodes: [b.parkCode],
        });
        expect(errorOf(outside, 'NOT_FOUND').message).toContain(b.parkCode);
        const mixed = await createUserAs(adminA.authorization, {
          username: 'would-be-in-a-and-b',
          parkCodes: [a.parkCode, b.parkCode],
        });
        expect(errorOf(mixed, 'NOT_FOUND').message).toContain(b.parkCode);
        expect(await tableCounts(t)).toEqual(before);

        const inScope = dataOf(
          await createUserAs(adminA.authorization, { username: 'leasing-of-a', parkCodes: [a.parkCode] }),
        ).createUser;
        expect(inScope).toMatchObject({ username: 'leasing-of-a', allParks: false, parkCodes: [a.parkCode] });
      });

      it('cannot widen a user of its park to all parks or to another park', async () => {
        const user = dataOf(
          await createUserAs(adminA.authorization, { username: 'to-widen', parkCodes: [a.parkCode] }),
        ).createUser;
        const update = (input: Record<string, unknown>) =>
          t.gql(
            'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
            { input: { id: user.id, version: user.version, ...input } },
            { authorization: adminA.authorization },
          );
        const before = await fingerprints(t);
        errorOf(await update({ allParks: true }), 'FORBIDDEN');
        errorOf(await update({ parkCodes: [a.parkCode, b.parkCode] }), 'NOT_FOUND');
        expect(await fingerprints(t)).toEqual(before);
      });

      it('cannot create an API key for another park', async () => {
        const before = await tableCounts(t);
        const res = await t.gql(
          'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
          { input: { name: 'key for b', parkCodes: [b.parkCode] } },
          { authorization: adminA.authorization },
        );
        errorOf(res, 'NOT_FOUND');
        expect(await tableCounts(t)).toEqual(before);
      });
    });
  });

  describe('tokens', () => {
    const jwt = new JwtService({ secret: JWT_SECRET, signOptions: { algorithm: 'HS256' } });
    let counter = 0;
    const newUser = async (roles: string[] = ['LEASING']) => {
      counter += 1;
      return createUser({ username: `token-user-${counter}`, roles, allParks: true });
    };
    const me = (authorization: string) => t.gql<MeData>(ME, {}, { authorization });
    const signIn = async (username: string, password = TEST_PASSWORD) => {
      const res = await login(t, username, password);
      return dataOf(res).login;
    };

    it('signs in a user made by createUser: accessToken and expiresAt, and me answers with the token', async () => {
      const user = await newUser(['ANALYST']);
      const started = Date.now();
      const session = await signIn(user.username);
      expect(session.user).toEqual({ id: user.id, username: user.username });
      expect(session.accessToken.split('.')).toHaveLength(3);
      const expiresAt = Date.parse(session.expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(started + JWT_TTL_SECONDS * 1000 - 2000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + JWT_TTL_SECONDS * 1000 + 2000);
      const claims = jwt.decode<{ sub: string; exp: number }>(session.accessToken);
      expect(claims.sub).toBe(keyOf(user.id));
      expect(Math.abs(claims.exp * 1000 - expiresAt)).toBeLessThan(2000);

      const res = await me(`Bearer ${session.accessToken}`);
      expect(dataOf(res).me).toEqual({
        kind: 'USER',
        id: user.id,
        name: user.username,
        roles: ['ANALYST'],
        parkCodes: null,
      });
    });

    it('refuses a token whose signature was tampered with', async () => {
      const user = await newUser();
      const { accessToken } = await signIn(user.username);
      const [header, payload, signature] = accessToken.split('.') as [string, string, string];
      const i = Math.floor(signature.length / 2);
      const flipped = signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1);
      expect(flipped).not.toBe(signature);
      const res = await me(`Bearer ${header}.${payload}.${flipped}`);
      const error = errorOf(res, 'UNAUTHENTICATED');
      expect(error.message).toMatch(/invalid/i);
      expect(res.data ?? null).toBeNull();
      // A payload changed to another user (the all-parks admin), with the old signature, is refused as well.
      const [admin] = await t.sql<{ id: string }[]>("SELECT id FROM app_user WHERE username = 'test-admin'");
      const other = Buffer.from(
        JSON.stringify({ ...jwt.decode<Record<string, unknown>>(accessToken), sub: admin!.id }),
      ).toString('base64url');
      errorOf(await me(`Bearer ${header}.${other}.${signature}`), 'UNAUTHENTICATED');
      expect(dataOf(await me(`Bearer ${accessToken}`)).me.id).toBe(user.id);
    });

    it('refuses an expired token, saying it expired; the same claims unexpired are accepted', async () => {
      const user = await newUser();
      const [row] = await t.sql<{ token_version: number }[]>(
        'SELECT token_version FROM app_user WHERE id = $1',
        [user.id],
      );
      const now = Math.floor(Date.now() / 1000);
      const expired = jwt.sign({
        sub: keyOf(user.id),
        ver: row!.token_version,
        iat: now - 120,
        exp: now - 60,
      });
      const error = errorOf(await me(`Bearer ${expired}`), 'UNAUTHENTICATED');
      expect(error.message).toMatch(/expired/i);
      const valid = jwt.sign({ sub: keyOf(user.id), ver: row!.token_version, iat: now, exp: now + 60 });
      expect(dataOf(await me(`Bearer ${valid}`)).me.id).toBe(user.id);
    });

    it('refuses a token signed with another secret', async () => {
      const user = await newUser();
      const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: keyOf(user.id), ver: 1 });
      const error = errorOf(await me(`Bearer ${forged}`), 'UNAUTHENTICATED');
      expect(error.message).toMatch(/invalid/i);
    });

    it('refuses the old token after setUserPassword; the new password signs in, the old one not', async () => {
      const user = await newUser();
      const { accessToken } = await signIn(user.username);
      expect(dataOf(await me(`Bearer ${accessToken}`)).me.id).toBe(user.id);
      const res = await t.gql(
        'mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }',
        { id: user.id, p: 'a-fresh-password-1' },
      );
      expect(res.errors).toBeUndefined();
      errorOf(await me(`Bearer ${accessToken}`), 'UNAUTHENTICATED');
      errorOf(await login(t, user.username, TEST_PASSWORD), 'UNAUTHENTICATED');
      const again = await signIn(user.username, 'a-fresh-password-1');
      expect(dataOf(await me(`Bearer ${again.accessToken}`)).me.id).toBe(user.id);
    });

    it('refuses the old token after changeMyPassword, and checks the current password', async () => {
      const user = await newUser();
      const { accessToken } = await signIn(user.username);
      const change = (current: string, next: string) =>
        t.gql(
          'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { id } }',
          { c: current, n: next },
          { authorization: `Bearer ${accessToken}` },
        );
      errorOf(await change('not-my-password', 'my-new-password-1'), 'BAD_USER_INPUT');
      expect(dataOf(await me(`Bearer ${accessToken}`)).me.id).toBe(user.id);

      expect((await change(TEST_PASSWORD, 'my-new-password-1')).errors).toBeUndefined();
      errorOf(await me(`Bearer ${accessToken}`), 'UNAUTHENTICATED');
      const again = await signIn(user.username, 'my-new-password-1');
      expect(dataOf(await me(`Bearer ${again.accessToken}`)).me.id).toBe(user.id);
    });

    it('refuses the token and the sign-in of a disabled user; enableUser lets them sign in again', async () => {
      const user = await newUser();
      const { accessToken } = await signIn(user.username);
      const disabled = await t.gql<{ disableUser: { disabled: boolean } }>(
        'mutation($id: ID!) { disableUser(id: $id) { disabled } }',
        { id: user.id },
      );
      expect(dataOf(disabled).disableUser.disabled).toBe(true);
      errorOf(await me(`Bearer ${accessToken}`), 'UNAUTHENTICATED');
      const refused = errorOf(await login(t, user.username, TEST_PASSWORD), 'UNAUTHENTICATED');
      // The same answer as a wrong password: the response does not tell that the account exists.
      const wrong = errorOf(await login(t, user.username, 'wrong-password-1'), 'UNAUTHENTICATED');
      expect(refused.message).toBe(wrong.message);

      const enabled = await t.gql<{ enableUser: { disabled: boolean } }>(
        'mutation($id: ID!) { enableUser(id: $id) { disabled } }',
        { id: user.id },
      );
      expect(dataOf(enabled).enableUser.disabled).toBe(false);
      const again = await signIn(user.username);
      expect(dataOf(await me(`Bearer ${again.accessToken}`)).me.id).toBe(user.id);
    });

    it('refuses a correctly signed token without exp, or whose sub is not a UUID, or whose ver is not a number', async () => {
      const user = await newUser();
      const [row] = await t.sql<{ token_version: number }[]>(
        'SELECT token_version FROM app_user WHERE id = $1',
        [user.id],
      );
      const ver = row!.token_version;
      const exp = Math.floor(Date.now() / 1000) + 60;
      for (const claims of [
        { sub: keyOf(user.id), ver },
        { sub: 'not-a-uuid', ver, exp },
        { sub: `${keyOf(user.id)}'`, ver, exp },
        { sub: 42, ver, exp },
        { sub: keyOf(user.id), ver: String(ver), exp },
        { sub: keyOf(user.id), exp },
      ]) {
        const res = await me(`Bearer ${jwt.sign(claims)}`);
        expect({ claims, codes: codesOf(res) }).toEqual({ claims, codes: ['UNAUTHENTICATED'] });
        expect(res.data ?? null).toBeNull();
      }
      // The same claims, well formed, are accepted.
      expect(dataOf(await me(`Bearer ${jwt.sign({ sub: keyOf(user.id), ver, exp })}`)).me.id).toBe(user.id);
    });

    it('refuses an API key or a token with anything appended', async () => {
      const key = await createApiKey(t, 'appended');
      expect(dataOf(await me(key.authorization)).me.kind).toBe('API_KEY');
      for (const header of [
        `${key.authorization}.garbage`,
        `${key.authorization}.`,
        `${key.authorization} garbage`,
      ]) {
        expect({ header, codes: codesOf(await me(header)) }).toEqual({ header, codes: ['UNAUTHENTICATED'] });
      }
      const { accessToken } = await signIn((await newUser()).username);
      expect(codesOf(await me(`Bearer ${accessToken} garbage`))).toEqual(['UNAUTHENTICATED']);
    });

    it('answers a malformed or unknown Authorization header with UNAUTHENTICATED, never as anonymous data', async () => {
      for (const header of ['Bearer', 'Bearer not-a-jwt', 'Basic dXNlcjpwYXNz', 'ApiKey nodot']) {
        const res = await me(header);
        expect({ header, codes: codesOf(res) }).toEqual({ header, codes: ['UNAUTHENTICATED'] });
      }
    });
  });

  describe('API keys', () => {
    let key: CreatedKey;
    let parkCode: string;

    beforeAll(async () => {
      const space = await f.space(2, { prefix: 'K' });
      parkCode = space.parkCode;
      key = await createApiKey(t, 'press dashboard');
    });

    const asKey = <T>(query: string, variables: Record<string, unknown> = {}) =>
      t.gql<T>(query, variables, { authorization: key.authorization });

    it('shows the secret once: only its SHA-256 is stored, and no query returns it', async () => {
      expect(key.secret.startsWith(`${key.prefix}.`)).toBe(true);
      const secretPart = key.secret.slice(key.prefix.length + 1);
      expect(secretPart.length).toBeGreaterThanOrEqual(32);
      const [row] = await t.sql<{ secret_hash: string }[]>('SELECT secret_hash FROM api_key WHERE id = $1', [
        key.id,
      ]);
      expect(row!.secret_hash).toBe(createHash('sha256').update(secretPart).digest('hex'));
      const listed = await t.gql(
        '{ apiKeys { id name prefix allParks parkCodes createdAt lastUsedAt revokedAt } }',
      );
      expect(JSON.stringify(dataOf(listed))).not.toContain(secretPart);
      const apiKeyType = schemaOf(t.app).getType('ApiKey') as { getFields(): Record<string, unknown> };
      expect(Object.keys(apiKeyType.getFields())).not.toContain('secret');
      const audit = await t.sql<{ changes: unknown }[]>('SELECT changes FROM audit_log');
      expect(JSON.stringify(audit)).not.toContain(secretPart);
    });

    it('identifies itself in me as an API_KEY without roles', async () => {
      const res = await asKey<MeData>(ME);
      expect(dataOf(res).me).toEqual({
        kind: 'API_KEY',
        id: key.id,
        name: 'press dashboard',
        roles: [],
        parkCodes: null,
      });
    });

    it('reads parks, units and parkOverview', async () => {
      const parks = dataOf(await asKey<{ parks: { code: string }[] }>('{ parks { code } }')).parks;
      expect(parks.map((p) => p.code)).toContain(parkCode);
      const units = dataOf(
        await asKey<{ units: { totalCount: number } }>(
          'query($p: String!) { units(filter: { parkCode: $p }) { totalCount } }',
          { p: parkCode },
        ),
      ).units;
      expect(units.totalCount).toBe(2);
      const overview = dataOf(
        await asKey<{ parkOverview: { totalUnits: number; vacantUnits: number } }>(
          'query($p: String!) { parkOverview(parkCode: $p) { totalUnits vacantUnits } }',
          { p: parkCode },
        ),
      ).parkOverview;
      expect(overview).toEqual({ totalUnits: 2, vacantUnits: 2 });
    });

    it('is refused every mutation with FORBIDDEN, and nothing changes', async () => {
      const mutations = operationsOf(schemaOf(t.app)).filter(
        (op) => op.kind === 'mutation' && op.name !== 'login',
      );
      expect(mutations.length).toBeGreaterThan(15);
      const before = await fingerprints(t);
      const answers: Record<string, string[]> = {};
      for (const op of mutations) {
        const { query, variables } = minimalRequest(op);
        answers[op.name] = codesOf(await asKey(query, variables));
      }
      expect(answers).toEqual(Object.fromEntries(mutations.map((op) => [op.name, ['FORBIDDEN']])));
      expect(await fingerprints(t)).toEqual(before);
    });

    it('reads only its parks when created for some', async () => {
      const other = await f.park();
      const scoped = await createApiKey(t, 'one-park key', { parkCodes: [parkCode] });
      const res = await t.gql<{ parks: { code: string }[] }>(
        '{ parks { code } }',
        {},
        {
          authorization: scoped.authorization,
        },
      );
      expect(dataOf(res).parks.map((p) => p.code)).toEqual([parkCode]);
      const overview = await t.gql(
        'query($p: String!) { parkOverview(parkCode: $p) { totalUnits } }',
        { p: other.code },
        { authorization: scoped.authorization },
      );
      errorOf(overview, 'NOT_FOUND');
    });

    it('lists lastUsedAt once the key has been used', async () => {
      const fresh = await createApiKey(t, 'not used yet');
      const listed = async () =>
        dataOf(
          await t.gql<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(
            '{ apiKeys { id lastUsedAt } }',
          ),
        ).apiKeys.find((k) => k.id === fresh.id)!;
      expect((await listed()).lastUsedAt).toBeNull();
      const before = Date.now();
      dataOf(await t.gql(ME, {}, { authorization: fresh.authorization }));
      const used = await listed();
      expect(used.lastUsedAt).not.toBeNull();
      expect(Date.parse(used.lastUsedAt!)).toBeGreaterThanOrEqual(before - 5000);
      expect(Date.parse(used.lastUsedAt!)).toBeLessThanOrEqual(Date.now() + 5000);
    });

    it('refuses a wrong secret with the right prefix, and does not count it as a use', async () => {
      const fresh = await createApiKey(t, 'guessed key');
      const res = await t.gql(ME, {}, { authorization: `ApiKey ${fresh.prefix}.${'A'.repeat(43)}` });
      errorOf(res, 'UNAUTHENTICATED');
      const [row] = await t.sql<{ last_used_at: Date | null }[]>(
        'SELECT last_used_at FROM api_key WHERE id = $1',
        [fresh.id],
      );
      expect(row!.last_used_at).toBeNull();
    });

    it('is refused with UNAUTHENTICATED once revoked', async () => {
      const doomed = await createApiKey(t, 'to revoke');
      expect(dataOf(await t.gql<MeData>(ME, {}, { authorization: doomed.authorization })).me.kind).toBe(
        'API_KEY',
      );
      const revoked = await t.gql<{ revokeApiKey: { id: string; revokedAt: string | null } }>(
        'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
        { id: doomed.id },
      );
      expect(dataOf(revoked).revokeApiKey.revokedAt).not.toBeNull();
      const res = await t.gql('{ parks { code } }', {}, { authorization: doomed.authorization });
      errorOf(res, 'UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
      // The other key still works.
      expect(dataOf(await asKey<MeData>(ME)).me.id).toBe(key.id);
    });
  });

  describe('personal data masking', () => {
    let enterpriseId: string;
    let parkCode: string;
    const callers: Record<string, string> = {};

    beforeAll(async () => {
      const space = await f.space(1, { prefix: 'P' });
      parkCode = space.parkCode;
      const res = await t.gql<{ createEnterprise: { id: string; contactPhone: string } }>(
        'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id contactPhone } }',
        {
          input: {
            parkCode,
            name: '联系人电话企业',
            creditCode: nextCreditCode(),
            industry: 'STONE_CARVING',
            originProvince: 'CHONGQING',
            leading: false,
            contactName: '张三',
            contactPhone: '13812345678',
          },
        },
      );
      enterpriseId = dataOf(res).createEnterprise.id;
      await f.leaseOne({ enterpriseId, parkCode, unitCode: 'P-001', startsOn: '2024-01-01' });
      callers.ADMIN = t.adminAuthorization;
      for (const role of [Role.LEASING, Role.RECRUITER, Role.ANALYST]) {
        callers[role] = (
          await createUserWithToken(t.app, t.dataSource, { roles: [role], parks: [parkCode] })
        ).authorization;
      }
      callers.API_KEY = (await createApiKey(t, 'masking key')).authorization;
    });

    /** Every path to Enterprise.contactPhone, by the callers that may take it (RECRUITER reads no tenancies). */
    const PATHS: Record<string, { query: string; tenancies: boolean; pick: (data: never) => unknown }> = {
      list: {
        query:
          'query($p: String!) { enterprises(filter: { parkCode: $p }) { edges { node { id contactPhone } } } }',
        tenancies: false,
        pick: (d: { enterprises: { edges: { node: { id: string; contactPhone: string } }[] } }) =>
          d.enterprises.edges.find((e) => e.node.id === enterpriseId)?.node.contactPhone,
      },
      byId: {
        query: 'query($id: ID!) { enterprise(id: $id) { contactPhone } }',
        tenancies: false,
        pick: (d: { enterprise: { contactPhone: string } }) => d.enterprise.contactPhone,
      },
      viaTenancy: {
        query: `query($p: String!) {
          tenancies(asOf: "2024-06-01", filter: { parkCode: $p }) { edges { node { enterprise { id contactPhone } } } }
        }`,
        tenancies: true,
        pick: (d: { tenancies: { edges: { node: { enterprise: { contactPhone: string } } }[] } }) =>
          d.tenancies.edges[0]?.node.enterprise.contactPhone,
      },
      viaParkAndUnit: {
        query: `query($p: String!) {
          park(code: $p) { zones { units { edges { node { currentTenancy(asOf: "2024-06-01") {
            enterprise { contactPhone } } } } } } }
        }`,
        tenancies: true,
        pick: (d: {
          park: {
            zones: {
              units: { edges: { node: { currentTenancy: { enterprise: { contactPhone: string } } } }[] };
            }[];
          };
        }) => d.park.zones[0]?.units.edges[0]?.node.currentTenancy.enterprise.contactPhone,
      },
      viaFragment: {
        query: `query($id: ID!) { enterprise(id: $id) { ...Contact } }
          fragment Contact on Enterprise { ... on Enterprise { phone: contactPhone } }`,
        tenancies: false,
        pick: (d: { enterprise: { phone: string } }) => d.enterprise.phone,
      },
    };

    const phonesSeenBy = async (caller: string) => {
      const seen: Record<string, unknown> = {};
      for (const [name, path] of Object.entries(PATHS)) {
        if (path.tenancies && caller === 'RECRUITER') continue;
        // Twice: the first execution and the one graphql-jit compiled.
        for (let i = 0; i < 2; i++) {
          const res = await t.gql(
            path.query,
            { p: parkCode, id: enterpriseId },
            { authorization: callers[caller]! },
          );
          seen[`${name}#${i + 1}`] = path.pick(dataOf(res) as never);
        }
      }
      return seen;
    };

    it.each([
      ['ADMIN', '13812345678'],
      ['LEASING', '13812345678'],
      ['RECRUITER', '13812345678'],
      ['ANALYST', '138****5678'],
      ['API_KEY', '138****5678'],
    ])('shows the contact phone to %s as %s on every path', async (caller, expected) => {
      const seen = await phonesSeenBy(caller);
      expect(Object.keys(seen).length).toBe(caller === 'RECRUITER' ? 6 : 10);
      expect(new Set(Object.values(seen))).toEqual(new Set([expected]));
    });
  });
});

describe('sign-in rate limit (LOGIN_MAX_FAILURES = 3, LOGIN_MAX_FAILURES_PER_IP = 5)', () => {
  let t: TestApp;
  let counter = 0;
  const newUser = async () => {
    counter += 1;
    return createUserWithToken(t.app, t.dataSource, {
      roles: [Role.LEASING],
      username: `limited-${counter}`,
    });
  };

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_IP: '5',
      LOGIN_WINDOW_MINUTES: '15',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const failure = (res: GqlResponse<unknown>) => {
    const error = errorOf(res, 'UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
    return error.message;
  };

  it('answers an unknown user and a wrong password with the same error', async () => {
    const user = await newUser();
    const unknown = failure(await login(t, 'nobody-by-this-name', TEST_PASSWORD));
    const wrong = failure(await login(t, user.username, 'wrong-password-1'));
    expect(unknown).toBe(wrong);
    expect(unknown).not.toMatch(/unknown|exist|not found/i);
    expect(dataOf(await login(t, user.username, TEST_PASSWORD)).login.user.username).toBe(user.username);
  });

  it('refuses even the right password after 3 failures for a username (from different addresses)', async () => {
    const user = await newUser();
    for (let i = 0; i < 3; i++) {
      expect(failure(await login(t, user.username, `wrong-password-${i}`))).not.toMatch(/too many/i);
    }
    const refused = failure(await login(t, user.username, TEST_PASSWORD));
    expect(refused).toMatch(/Too many failed sign-ins/);
    // Upper case or padded, it is the same username.
    expect(failure(await login(t, ` ${user.username.toUpperCase()} `, TEST_PASSWORD))).toMatch(/Too many/);
    // Another user is not affected.
    const other = await newUser();
    expect(dataOf(await login(t, other.username, TEST_PASSWORD)).login.user.username).toBe(other.username);
  });

  it('counts failures per client address too, with its own larger limit', async () => {
    const ip = '10.1.2.3';
    for (let i = 0; i < 5; i++) {
      const someone = await newUser();
      expect(failure(await login(t, someone.username, 'wrong-password-1', ip))).not.toMatch(/too many/i);
    }
    const user = await newUser();
    expect(failure(await login(t, user.username, TEST_PASSWORD, ip))).toMatch(/Too many failed sign-ins/);
    // The same user from another address signs in: the address was refused, not the account.
    expect(dataOf(await login(t, user.username, TEST_PASSWORD, '10.1.2.4')).login.user.username).toBe(
      user.username,
    );
  });

  it('takes comparable time for an unknown user and a wrong password (scrypt runs for both)', async () => {
    const users = [];
    for (let i = 0; i < 6; i++) users.push(await newUser());
    const timed = async (username: string, password: string) => {
      const started = process.hrtime.bigint();
      const res = await login(t, username, password);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      expect(failure(res)).toBe('Invalid username or password');
      return ms;
    };
    // Warm up both paths once.
    await timed(users[5]!.username, 'wrong-password-1');
    await timed('ghost-warm-up', 'wrong-password-1');
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      unknown.push(await timed(`ghost-${i}`, 'wrong-password-1'));
      wrong.push(await timed(users[i]!.username, 'wrong-password-1'));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });
});
