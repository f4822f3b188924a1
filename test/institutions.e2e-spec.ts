import { Role } from '../src/modules/access/access.enums';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { createUserWithToken } from './support/auth';
import { dataOf, errorOf, factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const FIELDS = 'id name nameEn kind region version contacts { name title phone email }';

interface InstitutionData {
  id: string;
  name: string;
  nameEn: string | null;
  kind: string;
  region: string | null;
  version: number;
  contacts: { name: string; title: string | null; phone: string | null; email: string | null }[];
}

describe('institutions (the partner register)', () => {
  let t: TestApp;
  let parkCode: string;
  let analyst: string;
  let recruiter: string;

  beforeAll(async () => {
    t = await startTestApp();
    parkCode = (await factories(t).park('inst-park')).code;
    analyst = (await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST] })).authorization;
    recruiter = (await createUserWithToken(t.app, t.dataSource, { roles: [Role.RECRUITER] })).authorization;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const create = async (input: Record<string, unknown>, authorization = recruiter) =>
    t.gql<{ createInstitution: InstitutionData }>(
      `mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { ${FIELDS} } }`,
      { input: { parkCode, ...input } },
      { authorization },
    );

  it('creates an institution with contacts, audited, and reads it back with the phone masked for analysts', async () => {
    const created = dataOf(
      await create({
        name: '长江师范学院',
        nameEn: 'Yangtze Normal University',
        kind: 'UNIVERSITY',
        region: '重庆市涪陵区',
        contacts: [
          { name: '张老师', title: '校企合作处', phone: '13812345678', email: 'zhang@example.edu.cn' },
          { name: '李老师' },
        ],
      }),
    ).createInstitution;
    expect(created).toMatchObject({ name: '长江师范学院', kind: 'UNIVERSITY', version: 1 });
    expect(created.contacts.map((c) => c.name)).toEqual(['张老师', '李老师']);
    expect(created.contacts[0]!.phone).toBe('13812345678');

    const read = async (authorization: string) =>
      dataOf(
        await t.gql<{ institution: InstitutionData }>(
          `query($id: ID!) { institution(id: $id) { ${FIELDS} } }`,
          { id: created.id },
          { authorization },
        ),
      ).institution;
    expect((await read(analyst)).contacts[0]!.phone).toBe('138****5678');
    expect((await read(recruiter)).contacts[0]!.phone).toBe('13812345678');

    const [audit] = await t.sql<{ operation: string; changes: { field: string }[] }[]>(
      `SELECT operation, changes FROM audit_log WHERE entity_type = 'Institution' AND entity_id = $1`,
      [created.id],
    );
    expect(audit!.operation).toBe('createInstitution');
    expect(audit!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['name', 'kind', 'contacts']));
  });

  it('refuses a second institution of the same name in the park with CONFLICT', async () => {
    const res = await create({ name: '长江师范学院', kind: 'UNIVERSITY' });
    expect(errorOf(res, 'CONFLICT').extensions?.field).toBe('name');
  });

  it('refuses a LEASING user (institutions are the recruiters’ register) and writes nothing', async () => {
    const leasing = await createUserWithToken(t.app, t.dataSource, { roles: [Role.LEASING] });
    const res = await create({ name: '不该写入的院校', kind: 'UNIVERSITY' }, leasing.authorization);
    errorOf(res, 'FORBIDDEN');
    const [row] = await t.sql<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM institution WHERE name = '不该写入的院校'",
    );
    expect(row!.n).toBe(0);
  });

  it('updates with optimistic concurrency, replaces the contacts, and refuses a stale version', async () => {
    const created = dataOf(
      await create({ name: '重庆健康职业学院', kind: 'VOCATIONAL_COLLEGE' }),
    ).createInstitution;
    const update = (input: Record<string, unknown>) =>
      t.gql<{ updateInstitution: InstitutionData }>(
        `mutation($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { ${FIELDS} } }`,
        { input: { id: created.id, ...input } },
        { authorization: recruiter },
      );
    const updated = dataOf(
      await update({ version: 1, region: '重庆市', contacts: [{ name: '王老师', phone: '023-1234 5678' }] }),
    ).updateInstitution;
    expect(updated).toMatchObject({ region: '重庆市', version: 2 });
    expect(updated.contacts.map((c) => c.name)).toEqual(['王老师']);
    const stale = errorOf(await update({ version: 1, region: '别处' }), 'CONFLICT');
    expect(stale.message).toContain('Institution 重庆健康职业学院');
    expect(stale.extensions?.currentVersion).toBe(2);
    const bad = errorOf(
      await update({ version: 2, contacts: [{ name: '赵', phone: 'call me' }] }),
      'BAD_USER_INPUT',
    );
    expect(JSON.stringify(bad.extensions?.fields)).toContain('phone');
  });

  it('lists institutions by kind and name in pinyin order, paged with cursors', async () => {
    await create({ name: '四川轻化工大学', kind: 'UNIVERSITY' });
    await create({ name: '安岳县人民政府', kind: 'GOVERNMENT' });
    const page = async (after?: string) =>
      dataOf(
        await t.gql<{
          institutions: {
            totalCount: number;
            edges: { node: { name: string } }[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        }>(
          `query($p: String!, $after: String) {
             institutions(filter: { parkCode: $p, kind: UNIVERSITY }, first: 1, after: $after) {
               totalCount edges { node { name } } pageInfo { endCursor hasNextPage } } }`,
          { p: parkCode, after },
          { authorization: analyst },
        ),
      ).institutions;
    const first = await page();
    expect(first.totalCount).toBe(2);
    const second = await page(first.pageInfo.endCursor);
    // The name column's zh_pinyin collation decides the order (pinyin with ICU, code points without).
    const inSql = await t.sql<{ name: string }[]>(
      "SELECT name FROM institution WHERE kind = 'UNIVERSITY' ORDER BY name, id",
    );
    expect([...first.edges, ...second.edges].map((e) => e.node.name)).toEqual(inSql.map((r) => r.name));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('reads contacts of a whole list in one statement (no N+1)', async () => {
    for (let i = 0; i < 5; i++) {
      await create({ name: `批量院校${i}`, kind: 'RESEARCH_INSTITUTE', contacts: [{ name: `联系人${i}` }] });
    }
    const query = `query($p: String!, $n: Int) {
      institutions(filter: { parkCode: $p }, first: $n) { edges { node { name contacts { name } } } } }`;
    const count = async (n: number) => {
      t.queries.reset();
      dataOf(await t.gql(query, { p: parkCode, n }, { authorization: analyst }));
      return t.queries.count;
    };
    expect(await count(2)).toBe(await count(9));
  });

  it('loads the demo partner register: 19 institutions, 14 of them industry–education base colleges', async () => {
    const demo = await startTestApp();
    try {
      expect(await seedDemoIfEmpty(demo.dataSource)).toBe(true);
      const rows = await demo.dataSource.query<{ kind: string; n: number }[]>(
        'SELECT kind::text, count(*)::int AS n FROM institution GROUP BY kind ORDER BY kind',
      );
      expect(rows.reduce((n, r) => n + r.n, 0)).toBe(19);
      const names = await demo.dataSource.query<{ name: string }[]>('SELECT name FROM institution');
      expect(names.map((r) => r.name)).toEqual(
        expect.arrayContaining(['长江师范学院', '荷马教育', '重庆健康职业学院', '安岳县人民政府']),
      );
    } finally {
      await demo.close();
    }
  }, 60_000);
});
