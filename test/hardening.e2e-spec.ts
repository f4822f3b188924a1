import { getIntrospectionQuery } from 'graphql';
import { errorOf } from './support/factories';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const PRODUCTION = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PII_KEY: 'ab'.repeat(32) };

/** A GraphQL response body read straight from an HTTP response. */
interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The `extensions.code` of each error. */
const codes = (res: Body): unknown[] => (res.errors ?? []).map((e) => e.extensions?.code);

/**
 * A query that passed every pre-execution check: 200, and any error comes from execution (it has a path; e.g. a
 * resolver refusing an anonymous caller), never from validation or a limit.
 */
function expectExecuted(res: GqlResponse<unknown>): void {
  expect(res.status).toBe(200);
  for (const error of res.errors ?? []) expect(error).toHaveProperty('path');
}

/** `{ a1: health { status } a2: … }` with n aliases. */
const aliased = (n: number): string =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i + 1}: health { status }`).join(' ')} }`;

/** Ten levels: park › zones › units › edges › node › zone › park › zones › units › totalCount. */
const DEPTH_10 = `{ park(code: "p") { zones { units(first: 1) { edges { node {
  zone { park { zones { units(first: 1) { totalCount } } } } } } } } } }`;
const DEPTH_11 = `{ park(code: "p") { zones { units(first: 1) { edges { node {
  zone { park { zones { units(first: 1) { pageInfo { hasNextPage } } } } } } } } } } }`;

/**
 * parks (list: 20) › zones (list: 20) › units(first: $n) › edges › node › code costs 421 + 1200 × n: 19,621 for
 * n = 16, 20,821 for n = 17, against the default GRAPHQL_MAX_COST of 20,000.
 */
const PRICED = `query Priced($n: Int) { parks { zones { units(first: $n) { edges { node { code } } } } } }`;

describe('GraphQL hardening, default limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('depth (GRAPHQL_MAX_DEPTH = 10)', () => {
    it('runs a query of depth 10', async () => {
      expectExecuted(await t.gql(DEPTH_10));
    });

    it('refuses depth 11 before any resolver runs, naming the limit', async () => {
      // Anonymous, so that not even the caller's lookup runs: nothing may reach the database.
      const before = t.queries.count;
      const res = await t.gql(DEPTH_11, undefined, { authorization: '' });
      expect(res.status).toBe(400);
      const error = errorOf(res, 'DEPTH_LIMIT_EXCEEDED');
      expect(error.message).toBe('Query depth 11 exceeds the limit of 10 (GRAPHQL_MAX_DEPTH)');
      expect(error.extensions).toMatchObject({ limit: 10, actual: 11 });
      expect(typeof error.extensions?.requestId).toBe('string');
      expect(res.data).toBeNull();
      expect(t.queries.count).toBe(before);
    });

    it('follows fragments', async () => {
      const res = await t.gql(`
        query { park(code: "p") { ...Z } }
        fragment Z on Park { zones { units(first: 1) { edges { node { ...U } } } } }
        fragment U on Unit { zone { park { zones { units(first: 1) { pageInfo { hasNextPage } } } } } }
      `);
      expect(res.status).toBe(400);
      expect(errorOf(res, 'DEPTH_LIMIT_EXCEEDED').message).toMatch(/^Query depth 11 /);
    });

    it('refuses the same query again once Mercurius has cached it', async () => {
      for (let i = 0; i < 3; i++) {
        const res = await t.gql(DEPTH_11);
        expect(res.status).toBe(400);
        expect(codes(res)).toEqual(['DEPTH_LIMIT_EXCEEDED']);
      }
    });

    it("lets GraphiQL's full introspection query through (introspection is on outside production)", async () => {
      const res = await t.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data?.__schema.types.length).toBeGreaterThan(20);
    });
  });

  describe('aliases (GRAPHQL_MAX_ALIASES = 30)', () => {
    it('runs 30 aliases', async () => {
      const res = await t.gql<Record<string, { status: string }>>(aliased(30));
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data?.a30?.status).toBe('ok');
    });

    it('refuses 31, naming the limit', async () => {
      const res = await t.gql(aliased(31));
      expect(res.status).toBe(400);
      expect(errorOf(res, 'ALIAS_LIMIT_EXCEEDED').message).toBe(
        'Query uses 31 aliases, more than the limit of 30 (GRAPHQL_MAX_ALIASES)',
      );
    });
  });

  describe('cost (GRAPHQL_MAX_COST = 20000)', () => {
    it('prices `first` from the variables of each request, also once the query is cached and compiled', async () => {
      // The same text five times: parsed and validated by the first request, compiled by graphql-jit at the second
      // (jit: 1), run compiled from then on; the cost is still checked each time.
      for (const n of [16, 16, 17, 16, 17]) {
        const before = t.queries.count;
        const res = await t.gql(PRICED, { n }, n === 17 ? { authorization: '' } : {});
        if (n === 16) {
          expectExecuted(res);
        } else {
          expect(res.status).toBe(400);
          const error = errorOf(res, 'COST_LIMIT_EXCEEDED');
          expect(error.message).toBe('Query cost 20821 exceeds the limit of 20000 (GRAPHQL_MAX_COST)');
          expect(error.extensions).toMatchObject({ limit: 20000, actual: 20821 });
          expect(res.data).toBeNull();
          expect(t.queries.count).toBe(before);
        }
      }
    });

    it('prices a GET query with its variables too', async () => {
      const url = (n: number) =>
        `/graphql?query=${encodeURIComponent(PRICED)}&variables=${encodeURIComponent(JSON.stringify({ n }))}`;
      const over = await t.app.inject({ method: 'GET', url: url(17) });
      expect(over.statusCode).toBe(400);
      expect(codes(over.json())).toEqual(['COST_LIMIT_EXCEEDED']);
      const under = await t.app.inject({ method: 'GET', url: url(16) });
      expect(under.statusCode).toBe(200);
    });

    it('prices the operation named in operationName', async () => {
      const run = (operationName: string) =>
        t.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({
            query: `query Cheap { health { status } } ${PRICED}`,
            variables: { n: 100 },
            operationName,
          }),
        });
      const cheap = await run('Cheap');
      expect(cheap.statusCode).toBe(200);
      expect(cheap.json()).toEqual({ data: { health: { status: 'ok' } } });
      const dear = await run('Priced');
      expect(dear.statusCode).toBe(400);
      expect(codes(dear.json())).toEqual(['COST_LIMIT_EXCEEDED']);
    });

    it('refuses a query whose literal first makes nested lists explode', async () => {
      const res = await t.gql(
        '{ units(first: 100) { edges { node { tenancies { unit { tenancies { unit { code } } } } } } } }',
      );
      expect(res.status).toBe(400);
      expect(errorOf(res, 'COST_LIMIT_EXCEEDED').message).toMatch(
        /^Query cost \d+ exceeds the limit of 20000 \(GRAPHQL_MAX_COST\)$/,
      );
    });
  });

  it('answers 400 with every error when a query breaks several limits', async () => {
    const deepAndAliased = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: health { status }`).join(' ')}
      park(code: "p") { zones { units(first: 1) { edges { node {
        zone { park { zones { units(first: 1) { pageInfo { hasNextPage } } } } } } } } } } }`;
    const res = await t.gql(deepAndAliased);
    expect(res.status).toBe(400);
    expect(codes(res).sort()).toEqual(['ALIAS_LIMIT_EXCEEDED', 'DEPTH_LIMIT_EXCEEDED']);
  });

  it('refuses a batch (a JSON array) with 400 naming GRAPHQL_MAX_BATCH', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify([{ query: '{ health { status } }' }, { query: '{ health { status } }' }]),
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<Body>();
    expect(codes(body)).toEqual(['BATCH_LIMIT_EXCEEDED']);
    expect(body.errors![0]!.message).toMatch(/2 operations and the limit is 1 \(GRAPHQL_MAX_BATCH\)/);
  });

  it('refuses a body over BODY_LIMIT_BYTES (1 MiB) with 413', async () => {
    const padding = '#'.repeat(1024 * 1024);
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: `{ health { status } }\n${padding}` }),
    });
    expect(res.statusCode).toBe(413);
    expect(codes(res.json())).toEqual(['BODY_LIMIT_EXCEEDED']);
    expect(res.json().errors[0].message).toMatch(/1048576 bytes \(BODY_LIMIT_BYTES\)/);
  });

  it('keeps "Did you mean" suggestions outside production', async () => {
    const res = await t.gql('{ parkz }');
    expect(res.errors?.[0]?.message).toMatch(/Did you mean/);
  });

  describe('HTTP headers', () => {
    it('sends the security headers on GraphQL, health, 404 and error responses', async () => {
      const responses = [
        await t.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ query: '{ health { status } }' }),
        }),
        await t.app.inject({ method: 'GET', url: '/health' }),
        await t.app.inject({ method: 'GET', url: '/no-such-page' }),
        await t.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: '{"query": ',
        }),
      ];
      for (const res of responses) {
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("script-src 'self';");
        expect(csp).not.toContain('upgrade-insecure-requests');
        expect(res.headers['strict-transport-security']).toBeUndefined();
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('serves the development GraphiQL page under the same strict CSP: no inline script at all', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain("'unsafe-inline' ;");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      // Every <script> loads a file of the app's own; none carries code in the page.
      const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/src="\/graphiql\/assets\/[a-z-]+\.js"/);
        expect(body!.trim()).toBe('');
      }
      expect(page.headers['x-frame-options']).toBe('DENY');
      const asset = await t.app.inject({ method: 'GET', url: '/graphiql/assets/graphiql.js' });
      expect(asset.headers['content-security-policy']).toContain("script-src 'self';");
      expect(asset.headers['x-content-type-options']).toBe('nosniff');
    });

    it('sends no CORS headers when CORS_ORIGINS is unset', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', origin: 'https://park.example' },
        payload: JSON.stringify({ query: '{ health { status } }' }),
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/graphql',
        headers: { origin: 'https://park.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  it('stays responsive while 50 over-limit queries arrive at once', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.getHttpServer().address() as { port: number };
    const post = async (query: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return {
        status: res.status,
        body: (await res.json()) as Body,
      };
    };
    // Each attack is a distinct text (a comment), so none is answered from Mercurius's cache of refused queries.
    const kinds = [
      {
        code: 'DEPTH_LIMIT_EXCEEDED',
        query: (i: number) => `${DEPTH_11.replace('{ park', `{ # ${i}\n park`)}`,
      },
      { code: 'ALIAS_LIMIT_EXCEEDED', query: (i: number) => `# ${i}\n${aliased(500)}` },
      {
        code: 'COST_LIMIT_EXCEEDED',
        query: (i: number) =>
          `# ${i}\n{ units(first: 100) { edges { node { tenancies { unit { tenancies { unit { tenancies { id } } } } } } } } }`,
      },
    ];
    const attacks = Array.from({ length: 50 }, (_, i) => {
      const kind = kinds[i % kinds.length]!;
      return post(kind.query(i)).then((res) => ({ ...res, expected: kind.code }));
    });
    const started = Date.now();
    const health = await post('{ health { status databaseTime } }');
    const healthMs = Date.now() - started;
    const results = await Promise.all(attacks);

    expect(health.status).toBe(200);
    expect(health.body.errors).toBeUndefined();
    expect(healthMs).toBeLessThan(5000);
    for (const result of results) {
      expect(result.status).toBe(400);
      expect(codes(result.body)).toEqual([result.expected]);
    }
  });
});

describe('GraphQL hardening, production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(PRODUCTION);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Unit") { name } }']) {
      const res = await t.gql(query);
      expect(res.status).toBe(400);
      expect(res.data).toBeNull();
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors!) {
        expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(error.message).toMatch(/introspection has been disabled/);
      }
    }
  });

  it('still answers __typename', async () => {
    const res = await t.gql('{ health { __typename status } }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ health: { __typename: 'HealthStatus', status: 'ok' } });
  });

  it('gives no field suggestions', async () => {
    const res = await t.gql('{ parkz }');
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors?.[0]?.message).toBe('Cannot query field "parkz" on type "Query".');
    const argument = await t.gql('{ units(firs: 1) { totalCount } }');
    expect(argument.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const variableType = await t.gql('query ($f: UnitFiltr) { units(filter: $f) { totalCount } }');
    expect(JSON.stringify(variableType.errors)).not.toMatch(/Did you mean/);
  });

  it('does not serve GraphiQL', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(page.body).not.toContain('graphiql');
    const asset = await t.app.inject({ method: 'GET', url: '/graphiql/assets/graphiql.js' });
    expect(asset.statusCode).toBe(404);
  });

  it('sends Strict-Transport-Security and the strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('GraphQL hardening, configured: CORS, batches, body limit, introspection in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      ...PRODUCTION,
      GRAPHQL_INTROSPECTION: 'true',
      CORS_ORIGINS: 'https://park.example, https://admin.park.example',
      GRAPHQL_MAX_BATCH: '3',
      BODY_LIMIT_BYTES: '4096',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  it('allows exactly the configured origins on /graphql', async () => {
    const query = JSON.stringify({ query: '{ health { status } }' });
    const allowed = await post(query, { origin: 'https://admin.park.example' });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.park.example');
    expect(String(allowed.headers['vary'])).toMatch(/Origin/i);
    expect(allowed.headers['access-control-expose-headers']).toBe('X-Request-Id');

    const other = await post(query, { origin: 'https://evil.example' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin: 'https://park.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://park.example');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('Authorization');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://park.example' },
    });
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('runs a batch up to GRAPHQL_MAX_BATCH and refuses a longer one', async () => {
    const op = { query: '{ health { status } }' };
    const ok = await post(JSON.stringify([op, op, op]));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual([1, 2, 3].map(() => ({ data: { health: { status: 'ok' } } })));

    const tooMany = await post(JSON.stringify([op, op, op, op]));
    expect(tooMany.statusCode).toBe(400);
    const body = tooMany.json<Body>();
    expect(codes(body)).toEqual(['BATCH_LIMIT_EXCEEDED']);
    expect(body.errors![0]!.message).toBe('Batch of 4 operations exceeds the limit of 3 (GRAPHQL_MAX_BATCH)');
  });

  it('checks the limits of each operation of a batch', async () => {
    const res = await post(JSON.stringify([{ query: '{ health { status } }' }, { query: aliased(31) }]));
    expect(res.statusCode).toBe(200);
    const [first, second] = res.json<Body[]>();
    expect(first!.data).toEqual({ health: { status: 'ok' } });
    expect(codes(second!)).toEqual(['ALIAS_LIMIT_EXCEEDED']);
  });

  it('takes BODY_LIMIT_BYTES from the configuration', async () => {
    const body = (size: number) => {
      const base = JSON.stringify({ query: '{ health { status } }\n' });
      return JSON.stringify({ query: `{ health { status } }\n${'#'.repeat(size - base.length)}` });
    };
    expect(body(4096)).toHaveLength(4096);
    expect((await post(body(4096))).statusCode).toBe(200);
    const over = await post(body(4097));
    expect(over.statusCode).toBe(413);
    expect(over.json().errors[0].message).toMatch(/4096 bytes \(BODY_LIMIT_BYTES\)/);
  });

  it('allows introspection in production with GRAPHQL_INTROSPECTION=true', async () => {
    const res = await t.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
    expect(res.status).toBe(200);
    expect(res.data?.__schema.types.length).toBeGreaterThan(20);
  });
});
