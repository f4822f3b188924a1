import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { dataOf, errorOf, factories, Factories, fieldsOf, nextCreditCode } from './support/factories';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

const LEASE = `mutation($input: LeaseUnitsInput!) {
  leaseUnits(input: $input) { id stage unit { code } enterprise { id name } }
}`;

interface Leased {
  leaseUnits: {
    id: string;
    stage: string;
    unit: { code: string };
    enterprise: { id: string; name: string };
  }[];
}

describe('natural keys and names people know', () => {
  let t: TestApp;
  let f: Factories;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('leaseUnits names the enterprise by credit code or by id', () => {
    it('leases to the enterprise with that credit code in the park', async () => {
      const space = await f.space(3, { prefix: 'NK' });
      const ent = await f.enterprise({ name: '信用代码租赁石材公司', parkCode: space.parkCode });
      const res = await t.gql<Leased>(LEASE, {
        input: {
          enterpriseCreditCode: ent.creditCode,
          parkCode: space.parkCode,
          unitCodes: ['NK-002', 'NK-001'],
          stage: 'RESERVED',
          startsOn: '2024-03-01',
        },
      });
      const leased = dataOf(res).leaseUnits;
      expect(leased.map((l) => [l.unit.code, l.enterprise.id, l.stage])).toEqual([
        ['NK-002', ent.id, 'RESERVED'],
        ['NK-001', ent.id, 'RESERVED'],
      ]);
      const [row] = await t.sql<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM tenancy WHERE enterprise_id = $1',
        [ent.id],
      );
      expect(row!.n).toBe(2);
    });

    it('refuses both keys at once, and neither, as BAD_USER_INPUT naming the field', async () => {
      const space = await f.space(1, { prefix: 'NB' });
      const ent = await f.enterprise({ parkCode: space.parkCode });
      const base = {
        parkCode: space.parkCode,
        unitCodes: ['NB-001'],
        stage: 'RESERVED',
        startsOn: '2024-03-01',
      };
      const both = await t.gql(LEASE, {
        input: { ...base, enterpriseId: ent.id, enterpriseCreditCode: ent.creditCode },
      });
      expect(fieldsOf(errorOf(both, 'BAD_USER_INPUT')).map((e) => e.field)).toEqual([
        'input.enterpriseCreditCode',
      ]);
      const neither = await t.gql(LEASE, { input: base });
      expect(fieldsOf(errorOf(neither, 'BAD_USER_INPUT')).map((e) => e.field)).toEqual([
        'input.enterpriseId',
      ]);
      const malformed = await t.gql(LEASE, { input: { ...base, enterpriseCreditCode: 'not-a-credit-code' } });
      // The validation pipe names the field without the argument prefix (input.…); either way, this field.
      const fields = fieldsOf(errorOf(malformed, 'BAD_USER_INPUT')).map((e) => e.field);
      expect(fields).toHaveLength(1);
      expect(fields[0]).toMatch(/^(input\.)?enterpriseCreditCode$/);
      const [row] = await t.sql<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM tenancy WHERE enterprise_id = $1',
        [ent.id],
      );
      expect(row!.n).toBe(0);
    });

    it("is NOT_FOUND for a code not in the park's register, and for a park outside the caller's scope", async () => {
      const here = await f.space(1, { prefix: 'NH' });
      const there = await f.space(1, { prefix: 'NT' });
      const elsewhere = await f.enterprise({ parkCode: there.parkCode });
      const unknown = await t.gql(LEASE, {
        input: {
          enterpriseCreditCode: nextCreditCode(),
          parkCode: here.parkCode,
          unitCodes: ['NH-001'],
          stage: 'RESERVED',
          startsOn: '2024-03-01',
        },
      });
      expect(errorOf(unknown, 'NOT_FOUND').message).toMatch(new RegExp(`^Enterprise ${here.parkCode}/`));
      // Registered, but in another park's register.
      const otherRegister = await t.gql(LEASE, {
        input: {
          enterpriseCreditCode: elsewhere.creditCode,
          parkCode: here.parkCode,
          unitCodes: ['NH-001'],
          stage: 'RESERVED',
          startsOn: '2024-03-01',
        },
      });
      errorOf(otherRegister, 'NOT_FOUND');
      // A leasing user of `here` only: `there`'s enterprise is as good as unknown.
      const scoped = await createUserWithToken(t.app, t.dataSource, {
        roles: [Role.LEASING],
        parks: [here.parkCode],
      });
      const outOfScope = await t.gql(
        LEASE,
        {
          input: {
            enterpriseCreditCode: elsewhere.creditCode,
            parkCode: there.parkCode,
            unitCodes: ['NT-001'],
            stage: 'RESERVED',
            startsOn: '2024-03-01',
          },
        },
        { authorization: scoped.authorization },
      );
      errorOf(outOfScope, 'NOT_FOUND');
      const [row] = await t.sql<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM tenancy t JOIN unit u ON u.id = t.unit_id WHERE u.code IN ('NH-001', 'NT-001')`,
      );
      expect(row!.n).toBe(0);
    });
  });

  describe('enterprise names sort in pinyin order', () => {
    // Code point order: 张 U+5F20 < 李 U+674E < 王 U+738B < 赵 U+8D75 < 阿 U+963F. Pinyin: a < li < wang < zhang < zhao.
    const NAMES = ['张氏排序石雕', '李氏排序石雕', '王氏排序石雕', '赵氏排序石雕', '阿氏排序石雕'];
    const PINYIN = ['阿氏排序石雕', '李氏排序石雕', '王氏排序石雕', '张氏排序石雕', '赵氏排序石雕'];

    interface NamePage {
      enterprises: {
        edges: { node: { name: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }

    async function sortedNames(direction: 'ASC' | 'DESC', first: number): Promise<string[]> {
      const names: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res: GqlResponse<NamePage> = await t.gql<NamePage>(
          `query($first: Int, $after: String, $direction: SortDirection) {
            enterprises(first: $first, after: $after, filter: { nameContains: "排序石雕" },
                        orderBy: { field: NAME, direction: $direction }) {
              edges { node { name } } pageInfo { hasNextPage endCursor }
            }
          }`,
          { first, after, direction },
        );
        const page: NamePage['enterprises'] = dataOf(res).enterprises;
        names.push(...page.edges.map((e) => e.node.name));
        if (!page.pageInfo.hasNextPage) return names;
        after = page.pageInfo.endCursor;
      }
    }

    it('orders by pinyin where the server has ICU (else code point order), across pages too', async () => {
      const park = await f.park();
      for (const name of NAMES) await f.enterprise({ name, parkCode: park.code });
      const [collation] = await t.sql<{ provider: string }[]>(
        `SELECT collprovider AS provider FROM pg_collation WHERE collname = 'zh_pinyin'`,
      );
      expect(collation).toBeDefined();
      const expected = collation!.provider === 'i' ? PINYIN : [...NAMES].sort();
      expect(await sortedNames('ASC', 20)).toEqual(expected);
      // Keyset pagination compares in the same collation as it sorts: pages of 2 give the same order.
      expect(await sortedNames('ASC', 2)).toEqual(expected);
      expect(await sortedNames('DESC', 2)).toEqual([...expected].reverse());
    });

    it('has ICU on the servers the suite runs on (embedded PostgreSQL 18, Debian PostgreSQL)', async () => {
      const [collation] = await t.sql<{ provider: string }[]>(
        `SELECT collprovider AS provider FROM pg_collation WHERE collname = 'zh_pinyin'`,
      );
      expect(collation!.provider).toBe('i');
    });
  });
});
