import { keyOf } from './support/ids';
import { ConcurrentWriteError, inTransaction } from '../src/database/transaction';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';
import { EnterpriseData, factories, Factories } from './support/factories';

// Hundreds of requests at once on a shared 2-core machine.
jest.setTimeout(180_000);

/** Deterministic pseudo-random numbers (mulberry32), so that a failing round can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** `ok` for an answer with data, else the code of each error: e.g. `{ ok: 2, CONFLICT: 58 }`. */
function tally(results: GqlResponse<unknown>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const res of results) {
    const key = res.errors?.length ? String(res.errors[0]!.extensions?.code) : 'ok';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const isoDay = (offset: number) => new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);

describe('concurrent leases: no deadlock reaches the client, no unit is ever held twice', () => {
  let t: TestApp;
  let f: Factories;
  let enterprises: EnterpriseData[];

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    await f.park('RACE-PARK');
    enterprises = await Promise.all(
      Array.from({ length: 12 }, () => f.enterprise({ parkCode: 'RACE-PARK' })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  /** A fresh zone of `count` units in the shared park (so the enterprises can lease them). */
  async function units(count: number): Promise<string[]> {
    const zone = await f.zone('RACE-PARK');
    const made = await f.units(
      'RACE-PARK',
      zone.code,
      Array.from({ length: count }, (_, i) => ({ code: `${zone.code}-${i + 1}` })),
    );
    return made.map((u) => u.code);
  }

  /** Pairs of tenancies of one unit whose date ranges overlap: must always be none. */
  async function overlaps(): Promise<number> {
    const [row] = await t.sql<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM tenancy a JOIN tenancy b ON a.unit_id = b.unit_id AND a.id < b.id
       WHERE daterange(a.starts_on, a.ends_on) && daterange(b.starts_on, b.ends_on)`,
    );
    return row!.n;
  }

  /** Every call either got its tenancies or a CONFLICT; the winners hold exactly the units they were given. */
  async function expectCleanRound(results: GqlResponse<{ leaseUnits: { id: string }[] }>[]) {
    const counts = tally(results);
    expect({ ...counts, ok: counts.ok ?? 0, CONFLICT: counts.CONFLICT ?? 0 }).toEqual({
      ok: expect.any(Number) as number,
      CONFLICT: expect.any(Number) as number,
    });
    expect(counts.ok).toBeGreaterThan(0);
    const won = results.flatMap((r) => r.data?.leaseUnits ?? []).map((x) => x.id);
    const [stored] = await t.sql<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM tenancy WHERE id = ANY($1)',
      [won],
    );
    expect(stored!.n).toBe(won.length);
    expect(await overlaps()).toBe(0);
  }

  it.each([1, 2, 3])(
    'round %i: 60 concurrent leases of random 3-of-6 subsets of the same units',
    async (round) => {
      const codes = await units(6);
      const next = random(round * 7919);
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          const subset = [...codes].sort(() => next() - 0.5).slice(0, 3);
          return f.leaseRaw({
            enterpriseId: enterprises[i % enterprises.length]!.id,
            parkCode: 'RACE-PARK',
            unitCodes: subset,
            startsOn: '2025-03-01',
          });
        }),
      );
      await expectCleanRound(results);
      // Disjoint winners only: at most two 3-unit leases fit in 6 units.
      expect(tally(results).ok).toBeLessThanOrEqual(2);
    },
  );

  it.each([1, 2, 3])(
    'round %i: 40 concurrent single-unit leases of one unit with different start dates',
    async () => {
      const [code] = await units(1);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          f.leaseRaw({
            enterpriseId: enterprises[i % enterprises.length]!.id,
            parkCode: 'RACE-PARK',
            unitCodes: [code!],
            startsOn: isoDay(i * 3),
          }),
        ),
      );
      await expectCleanRound(results);
      // Every lease is open-ended, so they all overlap: exactly one wins.
      expect(tally(results).ok).toBe(1);
    },
  );
});

describe('inTransaction against a real deadlock', () => {
  let t: TestApp;
  let f: Factories;
  let ids: [string, string];

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    const space = await f.space(2, { prefix: 'DL' });
    ids = [keyOf(space.units[0]!.id), keyOf(space.units[1]!.id)];
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * Two transactions that each lock one unit, wait for the other to do the same, then lock the other's unit: a
   * deadlock on the first try for certain; PostgreSQL aborts one of them (40P01). Later tries do not wait.
   */
  function crossed(attempts: number) {
    const tries = [0, 0];
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    const run = (i: 0 | 1) =>
      inTransaction(
        t.dataSource,
        async (m) => {
          tries[i]! += 1;
          await m.query('UPDATE unit SET building = building WHERE id = $1', [ids[i]]);
          if (tries[i] === 1) {
            arrived += 1;
            if (arrived === 2) release();
            await bothLocked;
          }
          await m.query('UPDATE unit SET building = building WHERE id = $1', [ids[1 - i]]);
          return i;
        },
        { attempts, backoffMs: 5 },
      );
    return { results: Promise.allSettled([run(0), run(1)]), tries };
  }

  it('runs the transaction that PostgreSQL chose as the deadlock victim again, and both commit', async () => {
    const { results, tries } = crossed(5);
    const settled = await results;
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(tries[0]! + tries[1]!).toBe(3);
  });

  it('answers CONFLICT, not an internal error, when no retry is allowed', async () => {
    const { results } = crossed(1);
    const settled = await results;
    const rejected = settled.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrentWriteError);
  });
});
