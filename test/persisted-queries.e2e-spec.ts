import { globalId } from './support/ids';
import { codes, persisted, persistedRequests, sha256 } from './support/persisted';
import { startTestApp, TestApp } from './support/test-app';

describe('automatic persisted queries', () => {
  let t: TestApp;
  const PARKS = 'query Parks { parks { code } }';

  const { post, get } = persistedRequests(() => t);

  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_COST: '500' });
    await t.gql('mutation { createPark(input: { code: "apq-park", name: "APQ" }) { id } }');
  });
  afterAll(async () => {
    await t.close();
  });

  it('round trip: hash miss → register with the text → hash hit over POST → hash hit over GET', async () => {
    const miss = await post({ extensions: persisted(PARKS) });
    expect(miss.status).toBe(400);
    expect(miss.errors).toEqual([
      {
        message: 'PersistedQueryNotFound',
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
      },
    ]);

    const registered = await post({ query: PARKS, extensions: persisted(PARKS) });
    expect(registered).toMatchObject({ status: 200, data: { parks: [{ code: 'apq-park' }] } });
    expect(registered.errors).toBeUndefined();

    // Several sends: the first and the later (graphql-jit compiled) executions answer alike.
    for (let i = 0; i < 4; i++) {
      const hit = await post({ extensions: persisted(PARKS) });
      expect(hit).toEqual({ status: 200, data: { parks: [{ code: 'apq-park' }] } });
      const viaGet = await get(PARKS);
      expect(viaGet).toEqual({ status: 200, data: { parks: [{ code: 'apq-park' }] } });
    }
  });

  it('refuses a hash that does not match the query text sent with it', async () => {
    const wrong = await post({ query: PARKS, extensions: persisted('query { me { name } }') });
    expect(wrong.status).toBe(400);
    expect(codes(wrong)).toEqual(['BAD_REQUEST']);
  });

  it('answers a hash of an unknown version with PERSISTED_QUERY_NOT_SUPPORTED', async () => {
    const res = await post({ extensions: { persistedQuery: { version: 2, sha256Hash: sha256(PARKS) } } });
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      {
        message: 'PersistedQueryNotSupported',
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_SUPPORTED' }),
      },
    ]);
  });

  it('never runs a mutation over GET, also when it was registered by hash', async () => {
    const LOGIN =
      'mutation Login { login(username: "nobody-apq", password: "wrong-password") { accessToken } }';
    const registered = await post({ query: LOGIN, extensions: persisted(LOGIN) });
    expect(codes(registered)).toEqual(['UNAUTHENTICATED']);
    const failures = async () =>
      (
        await t.sql<{ n: number }[]>(
          "SELECT count(*)::int AS n FROM login_failure WHERE username = 'nobody-apq'",
        )
      )[0]!.n;
    const before = await failures();
    const viaGet = await get(LOGIN);
    // Refused exactly as the same mutation sent as text over GET.
    const asText = await t.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(LOGIN)}` });
    expect(viaGet.status).toBe(405);
    expect(asText.statusCode).toBe(405);
    expect(codes(viaGet)).toEqual(
      asText.json<{ errors: { extensions: { code: string } }[] }>().errors.map((e) => e.extensions.code),
    );
    expect(await failures()).toBe(before);
  });

  it('applies the limits to a persisted query exactly as to its text: depth, cost (with the variables of each send), input checks', async () => {
    // Too deep (GRAPHQL_MAX_DEPTH 10): refused on registration, so its hash never becomes known.
    const DEEP =
      'query Deep { parks { zones { units { edges { node { zone { park { zones { units { edges { node { code } } } } } } } } } } } }';
    const deep = await post({ query: DEEP, extensions: persisted(DEEP) });
    expect(codes(deep)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
    expect(codes(await post({ extensions: persisted(DEEP) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    // The cost depends on the variables of each send: a registered query priced over GRAPHQL_MAX_COST on a hash hit.
    const UNITS = 'query Units($n: Int) { units(first: $n) { edges { node { code zone { code } } } } }';
    const small = await post({ query: UNITS, variables: { n: 2 }, extensions: persisted(UNITS) });
    expect(small.errors).toBeUndefined();
    for (let i = 0; i < 3; i++) {
      const big = await post({ variables: { n: 100 }, extensions: persisted(UNITS) });
      expect(big.status).toBe(400);
      expect(codes(big)).toEqual(['COST_LIMIT_EXCEEDED']);
      const bigGet = await get(UNITS, { n: 100 });
      expect(codes(bigGet)).toEqual(['COST_LIMIT_EXCEEDED']);
    }

    // The input guard: a bad id in the variables of a hash hit is BAD_USER_INPUT naming the field.
    const TENANCY = 'query Tenancy($id: ID!) { tenancy(id: $id) { id } }';
    const ok = await post({
      query: TENANCY,
      variables: { id: globalId('Tenancy', '00000000-0000-4000-8000-000000000000') },
      extensions: persisted(TENANCY),
    });
    expect(ok.errors).toBeUndefined();
    const bad = await post({ variables: { id: 'abc' }, extensions: persisted(TENANCY) });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.fields).toEqual([
      { field: 'id', message: expect.stringContaining('id ') },
    ]);
  });
});
