import autocannon from 'autocannon';
import { Client } from 'pg';
import { postgresCpuMeter, type Server } from './servers';

/** One measured run of one scenario against one target. */
export interface Sample {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  /** Connection errors and timeouts, then HTTP answers other than 2xx. */
  errors: number;
  non2xx: number;
  rssPeakBytes: number;
  /** CPU time the server's process spent per answered request (ms): its own cost, apart from PostgreSQL's. */
  cpuMsPerRequest: number;
  /** CPU time PostgreSQL's processes spent per answered request (ms); null when the server is not on this machine. */
  dbCpuMsPerRequest: number | null;
}

export interface LoadSpec {
  headers: Record<string, string>;
  /** A single request repeated, or a sequence each connection cycles through (writes). */
  path?: string;
  body?: string;
  requests?: autocannon.RequestSpec[];
}

/** What a sample measures besides the server: PostgreSQL's CPU time (ms), or null when it cannot be read. */
export type DatabaseCpu = (() => number) | null;

/**
 * Drives `server` with autocannon for `seconds` at `connections`, sampling its RSS every 200 ms, and reads the CPU
 * time of the server and of PostgreSQL before and after.
 */
export async function measure(
  server: Server,
  spec: LoadSpec,
  seconds: number,
  connections: number,
  databaseCpu: DatabaseCpu,
): Promise<Sample> {
  let rssPeak = server.rssBytes();
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssBytes())), 200);
  const cpuBefore = server.cpuMs();
  const dbCpuBefore = databaseCpu?.() ?? 0;
  try {
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      method: 'POST',
      timeout: 30,
      headers: { 'content-type': 'application/json', ...spec.headers },
      ...(spec.requests
        ? { requests: spec.requests }
        : { requests: [{ method: 'POST', path: spec.path, body: spec.body }] }),
    });
    rssPeak = Math.max(rssPeak, server.rssBytes());
    const answered = Math.max(1, result.requests.total);
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      rssPeakBytes: rssPeak,
      cpuMsPerRequest: (server.cpuMs() - cpuBefore) / answered,
      dbCpuMsPerRequest: databaseCpu ? (databaseCpu() - dbCpuBefore) / answered : null,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The CPU meter of the PostgreSQL server behind `url`, found from one of its backends while it is connected. */
export async function databaseCpuMeter(url: string): Promise<DatabaseCpu> {
  const client = new Client({ connectionString: url, application_name: 'bench-cpu' });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return postgresCpuMeter(rows[0].pid);
  } finally {
    await client.end();
  }
}

/**
 * Counts the SQL statements a request sends, from pg_stat_statements on the bench database (transaction control
 * excluded, as the app's own QueryCounter does): reset, send `n` requests one by one, read the calls.
 */
export class StatementCounter {
  private constructor(
    private readonly admin: Client,
    private readonly dbOid: number,
  ) {}

  /** null when the server has no pg_stat_statements (not preloaded). */
  static async open(adminUrl: string, database: string): Promise<StatementCounter | null> {
    const admin = new Client({ connectionString: adminUrl, application_name: 'bench-counter' });
    await admin.connect();
    try {
      await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await admin.query('SELECT pg_stat_statements_reset()');
    } catch (error) {
      console.warn(`bench: no pg_stat_statements (${(error as Error).message}); SQL counts left out`);
      await admin.end();
      return null;
    }
    const { rows } = await admin.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = $1', [
      database,
    ]);
    return new StatementCounter(admin, rows[0].oid);
  }

  async perRequest(
    n: number,
    send: () => Promise<unknown>,
  ): Promise<{ perRequest: number; statements: string[] }> {
    await this.admin.query('SELECT pg_stat_statements_reset()');
    for (let i = 0; i < n; i++) await send();
    const { rows } = await this.admin.query<{ query: string; calls: string }>(
      `SELECT query, calls FROM pg_stat_statements
       WHERE dbid = $1 AND query !~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)'
       ORDER BY calls DESC`,
      [this.dbOid],
    );
    const calls = rows.reduce((sum, r) => sum + Number(r.calls), 0);
    return {
      perRequest: calls / n,
      statements: rows.map((r) => `${Number(r.calls) / n}× ${r.query.replace(/\s+/g, ' ').slice(0, 300)}`),
    };
  }

  close(): Promise<void> {
    return this.admin.end();
  }
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
