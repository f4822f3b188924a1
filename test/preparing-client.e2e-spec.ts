import { Pool } from 'pg';
import { MAX_PREPARED_PER_CONNECTION, PreparingClient } from '../src/database/preparing-client';
import { startTestApp, TestApp } from './support/test-app';

/** The pool's connections prepare repeated parameterized reads once, and no more than their bound. */
describe('PreparingClient', () => {
  let t: TestApp;
  let pool: Pool;

  beforeAll(async () => {
    t = await startTestApp();
    pool = new Pool({ connectionString: t.url, max: 1, Client: PreparingClient });
  });
  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  const prepared = async () =>
    (
      await pool.query<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements ORDER BY prepare_time',
      )
    ).rows.map((r) => r.statement);

  it('prepares a parameterized read once per connection and answers it as before', async () => {
    const sql = 'SELECT $1::int + 1 AS n';
    expect((await pool.query<{ n: number }>(sql, [1])).rows).toEqual([{ n: 2 }]);
    expect((await pool.query<{ n: number }>(sql, [41])).rows).toEqual([{ n: 42 }]);
    expect(await prepared()).toEqual([sql]);
  });

  it('leaves writes, statements without parameters and failed statements unprepared', async () => {
    // One connection throughout (pool.query would drop it after the error).
    const client = await pool.connect();
    try {
      await client.query('SELECT $1::int AS n', [7]);
      await client.query('CREATE TEMP TABLE scratch (n int)');
      await client.query('INSERT INTO scratch VALUES ($1)', [1]);
      await client.query('SELECT n FROM scratch');
      await expect(client.query('SELECT $1::int FROM no_such_table', [1])).rejects.toThrow(/no_such_table/);
      const { rows } = await client.query<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements',
      );
      expect(rows.map((r) => r.statement)).toContain('SELECT $1::int AS n');
      expect(rows.map((r) => r.statement).filter((s) => /scratch|no_such_table/.test(s))).toEqual([]);
    } finally {
      client.release();
    }
  });

  it('prepares at most MAX_PREPARED_PER_CONNECTION texts; the rest still answer', async () => {
    const fresh = new Pool({ connectionString: t.url, max: 1, Client: PreparingClient });
    try {
      for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 5; i++) {
        const { rows } = await fresh.query<{ n: number }>(`SELECT $1::int AS n, ${i} AS i`, [i]);
        expect(rows[0]!.n).toBe(i);
      }
      const { rows } = await fresh.query<{ count: string }>('SELECT count(*) FROM pg_prepared_statements');
      expect(Number(rows[0]!.count)).toBe(MAX_PREPARED_PER_CONNECTION);
    } finally {
      await fresh.end();
    }
  });
});
