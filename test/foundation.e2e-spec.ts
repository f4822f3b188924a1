import { Script } from 'node:vm';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { captureLogs, errorEntries } from './support/logs';
import { startTestApp, TestApp } from './support/test-app';

describe('foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/health' });
    expect(live.statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().details).toMatchObject({ database: { status: 'up' }, migrations: { status: 'up' } });
  });

  it('answers the public health query with a database round trip', async () => {
    const res = await t.gql<{ health: { status: string; databaseTime: string } }>(
      '{ health { status databaseTime } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.health.status).toBe('ok');
    expect(Date.parse(res.data!.health.databaseTime)).not.toBeNaN();
  });

  it('returns the request id in a header and honours a sane X-Request-Id', async () => {
    const res = await t.gql('{ health { status } }', undefined, { 'x-request-id': 'client-chosen-id-123' });
    expect(res.headers['x-request-id']).toBe('client-chosen-id-123');
  });

  it('masks an unexpected error: INTERNAL_SERVER_ERROR with the request id, no SQL text or stack', async () => {
    const spy = jest
      .spyOn(t.dataSource, 'query')
      .mockRejectedValueOnce(new Error('relation "secret_table" does not exist at /srv/app.js:1'));
    const { result: res, entries } = await captureLogs(() =>
      t.gql('{ health { status } }', undefined, { 'x-request-id': 'masked-error-req-1' }),
    );
    spy.mockRestore();
    // The details go to the log, with the same request id.
    expect(errorEntries(entries)).toEqual([
      expect.objectContaining({
        context: 'GraphQLErrors',
        requestId: 'masked-error-req-1',
        err: expect.objectContaining({ message: expect.stringContaining('secret_table') }),
      }),
    ]);
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error!.message).toBe('Internal server error');
    expect(error!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'masked-error-req-1' });
    expect(JSON.stringify(res)).not.toMatch(/secret_table|app\.js|stack/);
  });

  it('answers a GraphQL validation error with a code and the request id', async () => {
    const res = await t.gql('{ nope }');
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(typeof res.errors?.[0]?.extensions?.requestId).toBe('string');
  });

  it.each([
    [
      'malformed JSON',
      { method: 'POST', headers: { 'content-type': 'application/json' }, payload: '{"query": ' },
    ],
    ['a missing query', { method: 'POST', headers: { 'content-type': 'application/json' }, payload: '{}' }],
    [
      'an empty query',
      { method: 'POST', headers: { 'content-type': 'application/json' }, payload: '{"query":""}' },
    ],
    ['a wrong content type', { method: 'POST', headers: { 'content-type': 'text/plain' }, payload: 'hello' }],
    ['a mutation over GET', { method: 'GET', url: '/graphql?query=' + encodeURIComponent('mutation { x }') }],
  ] as const)('answers %s with a 4xx, never a 500', async (_name, request) => {
    const res = await t.app.inject({ url: '/graphql', ...request } as Parameters<typeof t.app.inject>[0]);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('accepts "extensions": null as GraphQL over HTTP requires', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ health { status } }', extensions: null }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.health.status).toBe('ok');
  });

  it('serves GraphiQL from its own assets in development', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/graphiql/assets/graphiql.js');
    expect(page.body).not.toMatch(/unpkg|jsdelivr|cdn/i);
    const asset = await t.app.inject({ method: 'GET', url: '/graphiql/assets/graphiql.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body.length).toBeGreaterThan(100_000);
  });

  it('opens GraphiQL on a sign-in tab whose answer puts the token into the headers', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
    expect(page.body).toContain('<script src="/graphiql/assets/start.js"></script>');
    const start = await t.app.inject({ method: 'GET', url: '/graphiql/assets/start.js' });
    expect(start.statusCode).toBe(200);
    expect(start.headers['content-type']).toMatch(/^application\/javascript/);
    // The first tab signs in as the demo admin; the fetcher turns a login answer into an Authorization header.
    expect(start.body).toContain('login(username: \\"admin\\", password: \\"shifosi-demo\\")');
    expect(start.body).toContain('result.data.login.accessToken');
    expect(start.body).toContain("Authorization: 'Bearer ' + token");
    expect(start.body).toContain('headers: headers');
    // The script is valid JavaScript (a syntax error would leave the page blank).
    expect(() => new Script(start.body, { filename: 'start.js' })).not.toThrow();
    const css = await t.app.inject({ method: 'GET', url: '/graphiql/assets/page.css' });
    expect(css.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/graphiql/assets/nope.js' })).statusCode).toBe(404);
  });

  it('answers /favicon.ico with a small icon', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    const body = res.rawPayload;
    // ICONDIR: reserved 0, type 1 (icon), one image of 16×16.
    expect([body.readUInt16LE(0), body.readUInt16LE(2), body.readUInt16LE(4), body[6], body[7]]).toEqual([
      0, 1, 1, 16, 16,
    ]);
    expect(body.readUInt32LE(14) + body.readUInt32LE(18)).toBe(body.length);
  });
});

describe('API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('describes every type, field, argument and enum value of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(`type ${type.name}`);
      if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
