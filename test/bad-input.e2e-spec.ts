import { BadInput, generatedBadInputs } from './support/bad-inputs';
import { dataOf, factories, UnitData } from './support/factories';
import { schemaOf } from './support/operations';
import { startTestApp, TestApp } from './support/test-app';

/** What one HTTP exchange answered. */
interface Answer {
  status: number;
  codes: unknown[];
  fields: string[];
  messages: string[];
  executed: boolean;
}

interface RawRequest {
  method?: 'GET' | 'POST';
  url?: string;
  headers?: Record<string, string>;
  payload?: string;
}

const UPDATE_UNIT =
  'mutation ($input: UpdateUnitInput!) { updateUnit(input: $input) { id floor floorArea } }';
const UNITS_AFTER =
  'query ($after: String, $order: UnitOrder) { units(first: 2, after: $after, orderBy: $order) { edges { node { code } } } }';

/** `{ a { a { … } } }` nested `depth` levels, and a list value nested as deep. */
const nestedSelection = (depth: number): string => `${'{ a '.repeat(depth)}${'}'.repeat(depth)}`;
const nestedList = (depth: number): string =>
  `{ units(first: ${'['.repeat(depth)}1${']'.repeat(depth)}) { totalCount } }`;

describe('Bad input: no INTERNAL_SERVER_ERROR for anything a client can send', () => {
  let t: TestApp;
  let generated: BadInput[];
  let unit: UnitData;
  let enterpriseCursor: string;
  let unitCursor: string;
  let unitAreaCursor: string;
  /** Every request sent by this file with its answers (first and repeated sends), for the sweep at the end. */
  const answered: { name: string; answers: Answer[] }[] = [];

  const send = async (request: RawRequest): Promise<Answer> => {
    const res = await t.app.inject({
      method: request.method ?? 'POST',
      url: request.url ?? '/graphql',
      headers: { authorization: t.adminAuthorization, ...request.headers },
      payload: request.payload,
    });
    let body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } = {};
    try {
      body = res.json();
    } catch {
      // not JSON (e.g. a plain 415 from Fastify)
    }
    const errors = body.errors ?? [];
    return {
      status: res.statusCode,
      codes: errors.map((e) => e.extensions?.code),
      fields: errors.flatMap((e) =>
        Array.isArray(e.extensions?.fields)
          ? (e.extensions.fields as { field: string }[]).map((f) => f.field)
          : [],
      ),
      messages: errors.map((e) => e.message),
      executed: body.data !== undefined && body.data !== null,
    };
  };

  const post = (query: unknown, variables?: unknown, headers: Record<string, string> = {}) =>
    send({
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ query, variables }),
    });

  /** Sends the same request three times (first execution, then cached and graphql-jit compiled) and records it. */
  const thrice = async (name: string, request: () => Promise<Answer>): Promise<Answer[]> => {
    const answers = [await request(), await request(), await request()];
    answered.push({ name, answers });
    return answers;
  };

  /** The same answer on every send: the status and codes given. */
  const expectEvery = (answers: Answer[], status: number, codes: string[]) => {
    for (const answer of answers) {
      expect({ status: answer.status, codes: answer.codes }).toEqual({ status, codes });
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    generated = generatedBadInputs(schemaOf(t.app));
    const f = factories(t);
    const space = await f.space(3);
    unit = space.units[0]!;
    await f.enterprise({ parkCode: space.parkCode });
    await f.enterprise({ parkCode: space.parkCode });
    const units = await t.gql<{ units: { pageInfo: { endCursor: string } } }>(
      '{ units(first: 1) { pageInfo { endCursor } } }',
    );
    unitCursor = dataOf(units).units.pageInfo.endCursor;
    const byArea = await t.gql<{ units: { pageInfo: { endCursor: string } } }>(
      '{ units(first: 1, orderBy: { field: FLOOR_AREA }) { pageInfo { endCursor } } }',
    );
    unitAreaCursor = dataOf(byArea).units.pageInfo.endCursor;
    const enterprises = await t.gql<{ enterprises: { pageInfo: { endCursor: string } } }>(
      '{ enterprises(first: 1) { pageInfo { endCursor } } }',
    );
    enterpriseCursor = dataOf(enterprises).enterprises.pageInfo.endCursor;
  });
  afterAll(async () => {
    await t.close();
  });

  it('generates at least 150 distinct bad inputs from the schema', () => {
    expect(new Set(generated.map((g) => g.name)).size).toBe(generated.length);
    expect(generated.length).toBeGreaterThanOrEqual(150);
  });

  it('answers every generated bad input with 400 BAD_USER_INPUT, the same on every send, naming the field', async () => {
    const wrong: string[] = [];
    for (const input of generated) {
      const answers = await thrice(input.name, () => post(input.query, input.variables));
      for (const answer of answers) {
        const expected = input.codes;
        if (!input.status || !expected) {
          if (answer.status >= 500 || answer.codes.includes('INTERNAL_SERVER_ERROR'))
            wrong.push(`${input.name}: ${JSON.stringify(answer)}`);
          continue;
        }
        const ok =
          answer.status === input.status &&
          answer.codes.length > 0 &&
          answer.codes.every((c) => expected.includes(String(c))) &&
          (!input.field || answer.fields.includes(input.field));
        if (!ok) wrong.push(`${input.name}: ${JSON.stringify(answer)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  describe('NUL characters', () => {
    it('refuses NUL in login, naming the field', async () => {
      const answers = await thrice('login NUL', () =>
        post('mutation { login(username: "ad\\u0000min", password: "x") { accessToken } }', undefined, {
          authorization: '',
        }),
      );
      expectEvery(answers, 400, ['BAD_USER_INPUT']);
      expect(answers[0]!.fields).toEqual(['username']);
    });

    it('refuses NUL in a nested list item of a mutation input', async () => {
      const answers = await thrice('createUnits NUL in units.1.building', () =>
        post('mutation ($i: CreateUnitsInput!) { createUnits(input: $i) { id } }', {
          i: {
            parkCode: 'p',
            zoneCode: 'z',
            units: [
              { code: 'A', kind: 'BAY', floorArea: 1 },
              { code: 'B', kind: 'BAY', floorArea: 1, building: 'Hall\u0000' },
            ],
          },
        }),
      );
      expectEvery(answers, 400, ['BAD_USER_INPUT']);
      expect(answers[0]!.fields).toEqual(['input.units.1.building']);
    });

    it('refuses NUL in an argument of a nested field', async () => {
      const answers = await thrice('Zone.units filter NUL', () =>
        post('{ parks { zones { units(filter: { codeContains: "\\u0000" }) { totalCount } } } }'),
      );
      expectEvery(answers, 400, ['BAD_USER_INPUT']);
      expect(answers[0]!.fields).toEqual(['filter.codeContains']);
    });
  });

  describe('IDs', () => {
    it.each(['tenancy', 'enterprise'])('refuses a non-UUID id in %s(id:)', async (field) => {
      const answers = await thrice(`${field}(id: "abc")`, () => post(`{ ${field}(id: "abc") { id } }`));
      expectEvery(answers, 400, ['BAD_USER_INPUT']);
      expect(answers[0]!.fields).toEqual(['id']);
    });

    it('refuses a non-UUID id in a filter', async () => {
      const answers = await thrice('tenancies filter.unitId', () =>
        post('query ($f: TenancyFilter) { tenancies(filter: $f) { totalCount } }', {
          f: { unitId: '1 OR 1=1' },
        }),
      );
      expectEvery(answers, 400, ['BAD_USER_INPUT']);
      expect(answers[0]!.fields).toEqual(['filter.unitId']);
    });
  });

  describe('cursors', () => {
    const invalid = async (name: string, after: string, order?: unknown) => {
      const answers = await thrice(`cursor: ${name}`, () => post(UNITS_AFTER, { after, order }));
      expectEvery(answers, 200, ['BAD_USER_INPUT']);
      expect(answers[0]!.messages[0]).toMatch(/invalid cursor/);
      expect(answers[0]!.fields).toEqual(['after']);
    };
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('accepts its own cursor', async () => {
      const answer = await post(UNITS_AFTER, { after: unitCursor });
      expect(answer).toMatchObject({ status: 200, codes: [], executed: true });
    });

    it("refuses another list's cursor (enterprises → units)", async () => {
      await invalid('enterprises cursor', enterpriseCursor);
    });

    it('refuses a cursor of another order of the same list', async () => {
      await invalid('code cursor with FLOOR_AREA order', unitCursor, { field: 'FLOOR_AREA' });
      await invalid('FLOOR_AREA cursor with code order', unitAreaCursor);
    });

    it.each([
      ['not base64 JSON', '!!!'],
      ['empty', ''],
      ['JSON number', b64(5)],
      ['the old format', b64(['SA-001', '00000000-0000-4000-8000-000000000000'])],
      ['a non-UUID id', b64(['units', 'CODE_ASC', 'A', 'x'])],
      ['NUL in the value', b64(['units', 'CODE_ASC', 'A\u0000', '00000000-0000-4000-8000-000000000000'])],
      ['an object value', b64(['units', 'CODE_ASC', { a: 1 }, '00000000-0000-4000-8000-000000000000'])],
    ])('refuses a forged cursor: %s', async (name, after) => {
      await invalid(name, after);
    });

    it('refuses a forged cursor on a nested list (Zone.units)', async () => {
      const answers = await thrice('Zone.units forged cursor', () =>
        post('{ parks { zones { units(after: "Zm9v") { totalCount } } } }'),
      );
      expect(answers.every((a) => a.codes.includes('BAD_USER_INPUT'))).toBe(true);
    });
  });

  describe('variables of the wrong type: the same answer on the first and every later send', () => {
    it.each([
      ['a string for an Int', 'query ($n: Int) { units(first: $n) { totalCount } }', { n: 'ten' }, 'n'],
      [
        'an unknown enum value',
        'query ($o: UnitOrder) { units(orderBy: $o) { totalCount } }',
        { o: { field: 'NOPE' } },
        'o',
      ],
      ['a missing required input field', UPDATE_UNIT, { input: { version: 1, floor: 1 } }, 'input'],
      ['an object for a String', 'query ($c: String!) { park(code: $c) { id } }', { c: { a: 1 } }, 'c'],
      ['a missing required variable', 'query ($c: String!) { park(code: $c) { id } }', {}, 'c'],
    ])('%s', async (name, query, variables, variable) => {
      const answers = await thrice(`variables: ${name}`, () => post(query, variables));
      expectEvery(answers, 400, ['BAD_USER_INPUT']);
      for (const answer of answers) expect(answer.messages[0]).toContain(`"$${variable}"`);
    });
  });

  describe('numbers', () => {
    const update = (input: Record<string, unknown>) =>
      post(UPDATE_UNIT, { input: { id: unit.id, version: 1, ...input } });

    it.each([
      ['floorArea 5e6', { floorArea: 5e6 }, 'input.floorArea'],
      ['floorArea 1e11', { floorArea: 1e11 }, 'input.floorArea'],
      ['floorArea 5e-324', { floorArea: 5e-324 }, 'input.floorArea'],
      ['floorArea 0', { floorArea: 0 }, 'input.floorArea'],
      ['floorArea null', { floorArea: null }, 'input.floorArea'],
      ['floor 9999', { floor: 9999 }, 'input.floor'],
      ['floor 40000', { floor: 40000 }, 'input.floor'],
      ['floor -6', { floor: -6 }, 'input.floor'],
      ['kind null', { kind: null }, 'input.kind'],
      ['leasable null', { leasable: null }, 'input.leasable'],
    ])('updateUnit refuses %s like createUnits does', async (name, input, field) => {
      const answers = await thrice(`updateUnit ${name}`, () => update(input));
      for (const answer of answers) {
        expect(answer.codes).toEqual(['BAD_USER_INPUT']);
        expect(answer.fields).toContain(field);
      }
    });

    it('refuses version 2147483648 as a variable and as a literal', async () => {
      expectEvery(await thrice('version 2^31 variable', () => update({ version: 2147483648 })), 400, [
        'BAD_USER_INPUT',
      ]);
      const literal = await thrice('version 2^31 literal', () =>
        post(`mutation { updateUnit(input: { id: "${unit.id}", version: 2147483648 }) { id } }`),
      );
      for (const answer of literal) expect(answer.status).toBe(400);
    });

    it('still accepts a valid update', async () => {
      const answer = await update({ floor: 3, floorArea: 75.5 });
      expect(answer).toMatchObject({ status: 200, codes: [], executed: true });
    });
  });

  describe('dates', () => {
    it.each(['1899-12-31', '2200-01-01'])('refuses %s in a nested field argument', async (date) => {
      const answers = await thrice(`Unit.status asOf ${date}`, () =>
        post(`{ units(first: 1) { edges { node { status(asOf: "${date}") } } } }`),
      );
      expectEvery(answers, 400, ['BAD_USER_INPUT']);
    });

    it.each(['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '2200-01-01T00:00:00Z'])(
      'refuses the instant %s in a DateTime filter, naming the field',
      async (instant) => {
        const answers = await thrice(`auditLog from ${instant}`, () =>
          post(`{ auditLog(first: 1, filter: { from: "${instant}" }) { totalCount } }`),
        );
        expectEvery(answers, 400, ['BAD_USER_INPUT']);
        expect(answers[0]!.fields).toEqual(['filter.from']);
      },
    );

    it('accepts the ends of the range', async () => {
      const instants = ['1900-01-01T00:00:00Z', '2199-12-31T23:59:59Z'];
      for (const instant of instants) {
        const answer = await post(`{ auditLog(first: 1, filter: { from: "${instant}" }) { totalCount } }`);
        expect(answer).toMatchObject({ status: 200, codes: [], executed: true });
      }
      for (const date of ['1900-01-01', '2199-12-31']) {
        const answer = await post(`{ units(first: 1, asOf: "${date}") { totalCount } }`);
        expect(answer).toMatchObject({ status: 200, codes: [], executed: true });
      }
    });
  });

  describe('documents', () => {
    it.each([
      ['a number', 123],
      ['an object', { a: 1 }],
      ['null', null],
    ])('answers 400 for a query that is %s', async (name, query) => {
      const answers = await thrice(`query is ${name}`, () => post(query));
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.codes).toEqual(['BAD_REQUEST']);
        expect(answer.messages[0]).toMatch(/query/);
      }
    });

    it.each([
      ['variables as a string', { query: '{ health { status } }', variables: 'abc' }],
      ['variables as an array', { query: 'query ($c: String!) { park(code: $c) { id } }', variables: ['x'] }],
      ['extensions as a string', { query: '{ health { status } }', extensions: 'x' }],
    ])('answers 400 for %s', async (name, body: Record<string, unknown>) => {
      const answers = await thrice(`body: ${name}`, () =>
        send({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) }),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.executed).toBe(false);
      }
    });

    it.each([
      ['operationName as a number', { query: '{ health { status } }', operationName: 5 }],
      ['an unknown operationName', { query: 'query A { health { status } }', operationName: 'B' }],
    ])('runs nothing for %s, without a server error', async (name, body) => {
      const answers = await thrice(`body: ${name}`, () =>
        send({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) }),
      );
      for (const answer of answers) {
        expect(answer.status).toBeLessThan(500);
        expect(answer.codes.length).toBeGreaterThan(0);
        expect(answer.codes).not.toContain('INTERNAL_SERVER_ERROR');
        expect(answer.executed).toBe(false);
      }
    });

    it.each([
      ['selections', nestedSelection(2000)],
      ['list values', nestedList(2000)],
      ['selections, 200 levels', nestedSelection(200)],
    ])('refuses a document with nested %s before parsing it', async (name, query) => {
      const answers = await thrice(`nesting: ${name}`, () => post(query));
      expectEvery(answers, 400, ['NESTING_LIMIT_EXCEEDED']);
      expect(answers[0]!.messages[0]).toMatch(/GRAPHQL_MAX_NESTING/);
    });

    it('refuses a deeply nested GET query too', async () => {
      const answers = await thrice('nesting: GET', () =>
        send({ method: 'GET', url: `/graphql?query=${encodeURIComponent(nestedSelection(2000))}` }),
      );
      expectEvery(answers, 400, ['NESTING_LIMIT_EXCEEDED']);
    });

    it('does not count braces inside strings and comments', async () => {
      const query = `{ park(code: "${'{'.repeat(100)}") { id } # ${'{'.repeat(100)}\n}`;
      const answer = await post(query);
      expect(answer).toMatchObject({ status: 200, codes: [] });
    });
  });

  describe('content types', () => {
    const body = JSON.stringify({
      query: 'mutation { createPark(input: { code: "csrf", name: "x" }) { id } }',
    });

    it.each([
      [
        'application/x-www-form-urlencoded',
        `query=${encodeURIComponent('mutation { createPark(input: { code: "csrf", name: "x" }) { id } }')}`,
      ],
      [
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ health { status } }\r\n--x--\r\n`,
      ],
      ['text/plain', body],
      ['text/plain;charset=UTF-8', body],
      ['application/graphql', 'mutation { createPark(input: { code: "csrf", name: "x" }) { id } }'],
    ])('refuses %s with 415 and executes nothing', async (contentType, payload) => {
      const answers = await thrice(`content type ${contentType}`, () =>
        send({ headers: { 'content-type': contentType }, payload }),
      );
      for (const answer of answers) {
        expect(answer.status).toBe(415);
        expect(answer.executed).toBe(false);
      }
      const parks = await t.gql<{ park: unknown }>('{ park(code: "csrf") { id } }');
      expect(dataOf(parks).park).toBeNull();
    });

    it('refuses a POST without a content type', async () => {
      const answer = await send({ payload: body });
      expect(answer.status).toBe(415);
      expect(answer.executed).toBe(false);
    });

    it('executes application/json and application/graphql-response+json bodies', async () => {
      for (const contentType of [
        'application/json',
        'application/json; charset=utf-8',
        'application/graphql-response+json',
      ]) {
        const answer = await send({
          headers: { 'content-type': contentType },
          payload: JSON.stringify({ query: '{ health { status } }' }),
        });
        expect(answer).toMatchObject({ status: 200, codes: [], executed: true });
      }
    });

    it('keeps GET for queries only', async () => {
      const answer = await send({
        method: 'GET',
        url: `/graphql?query=${encodeURIComponent('mutation { createPark(input: { code: "get", name: "x" }) { id } }')}`,
      });
      expect(answer.status).toBe(405);
      expect(answer.executed).toBe(false);
    });
  });

  describe('sweep (runs last)', () => {
    it('sweep: no request of this file was answered INTERNAL_SERVER_ERROR', () => {
      const failed = answered.filter((a) =>
        a.answers.some((answer) => answer.codes.includes('INTERNAL_SERVER_ERROR') || answer.status >= 500),
      );
      // The count is printed so that a run can be compared with another (the issue asks for before/after numbers).
      console.log(
        `bad-input sweep: ${failed.length} of ${answered.length} inputs answered INTERNAL_SERVER_ERROR`,
      );
      expect(failed.map((a) => a.name)).toEqual([]);
      expect(answered.length).toBeGreaterThanOrEqual(200);
    });
  });
});

describe('Bad input in production (NODE_ENV=production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), PII_KEY: 'ab'.repeat(32) });
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['a string for an Int', 'query ($n: Int) { units(first: $n) { totalCount } }', { n: 'ten' }],
    [
      'an unknown enum value',
      'query ($o: UnitOrder) { units(orderBy: $o) { totalCount } }',
      { o: { field: 'NOPE' } },
    ],
    ['a date out of range', 'query ($d: Date) { units(asOf: $d) { totalCount } }', { d: '2200-01-01' }],
    ['NUL in a string', 'query ($c: String!) { park(code: $c) { id } }', { c: 'a\u0000' }],
    ['a non-UUID id', 'query ($id: ID!) { tenancy(id: $id) { id } }', { id: 'abc' }],
  ])(
    'answers %s with 400 BAD_USER_INPUT on the first and every later send',
    async (_name, query, variables) => {
      for (let send = 0; send < 4; send++) {
        const res = await t.gql(query, variables);
        expect(res.status).toBe(400);
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
    },
  );
});
