import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postmasterOf } from '../src/database/orphan-postmaster';
import { freePort } from '../src/database/scratch-server';

/**
 * The real process, as `npm start` runs it (dist/src/main.js, built by `npm test` first), on its own embedded
 * PostgreSQL in a temporary DATA_DIR.
 */
const MAIN = join(__dirname, '..', 'dist', 'src', 'main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Every process a test started, so that a failing test cannot leave one running. */
const started = new Set<Running>();

function run(env: Record<string, string>, script = MAIN, args: string[] = []): Running {
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const running = { child, output: () => output, exited };
  started.add(running);
  void exited.then(() => started.delete(running));
  return running;
}

/** The messages of a process's output: each JSON log line's `msg`, other lines as they are. */
function messages(output: string): string {
  return output
    .split('\n')
    .map((line) => {
      try {
        const parsed = JSON.parse(line) as { msg?: unknown };
        return typeof parsed.msg === 'string' ? parsed.msg : line;
      } catch {
        return line;
      }
    })
    .join('\n');
}

async function waitForReady(port: number, app: Running, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (app.child.exitCode !== null) throw new Error(`app exited early:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`app not ready in time:\n${app.output()}`);
}

async function gql(port: number, query: string, variables?: Record<string, unknown>, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

function postmasterPid(dataDir: string): number | null {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return null;
  return Number(readFileSync(file, 'utf8').split('\n')[0]);
}

/** Command lines of running processes that mention the data directory (postgres runs with -D <dir>). */
function postgresProcessesFor(dir: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(dir) && line.includes('postgres'));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// Each test starts real processes and an embedded PostgreSQL.
jest.setTimeout(90_000);

describe('process lifecycle (dist/src/main.js)', () => {
  let dataDir: string;
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);
    dataDir = mkdtempSync(join(tmpdir(), 'shifosi-life-'));
    chmodSync(dataDir, 0o755);
  });
  afterEach(async () => {
    // A test that failed half-way may have left its app running: stop it as an operator would (SIGTERM stops its
    // embedded PostgreSQL too), and kill it if it does not stop.
    for (const app of [...started]) {
      app.child.kill('SIGTERM');
      const stopped = await Promise.race([
        app.exited.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 15_000)),
      ]);
      if (!stopped) app.child.kill('SIGKILL');
    }
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits non-zero with one clear line when a variable is bad', async () => {
    const app = run({ PORT: 'abc', DATA_DIR: dataDir });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('PORT must be a whole number between 1 and 65535 (got "abc")');
    const bool = run({ SEED_DEMO: 'maybe', DATA_DIR: dataDir });
    expect(await bool.exited).toBe(1);
    expect(bool.output()).toContain('SEED_DEMO must be true or false');
  });

  it('never echoes a rejected secret: DATABASE_URL, DATABASE_MIGRATION_URL, JWT_SECRET', async () => {
    const url = run({ DATABASE_URL: 'mysql://app:hunter2-password@db/shifosi', DATA_DIR: dataDir });
    expect(await url.exited).toBe(1);
    expect(url.output()).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(url.output()).not.toContain('hunter2');
    const migration = run({
      DATABASE_URL: 'postgresql://app:x@127.0.0.1:1/shifosi',
      DATABASE_MIGRATION_URL: 'owner:owner-pass-123@db',
      DATA_DIR: dataDir,
    });
    expect(await migration.exited).toBe(1);
    expect(migration.output()).toContain('DATABASE_MIGRATION_URL must be a postgres:// or postgresql:// URL');
    expect(migration.output()).not.toContain('owner-pass-123');
    const jwt = run({ JWT_SECRET: 'too-short-but-secret', DATA_DIR: dataDir });
    expect(await jwt.exited).toBe(1);
    expect(jwt.output()).toContain('JWT_SECRET must be at least 32 characters (got a value of 20 characters');
    expect(jwt.output()).not.toContain('too-short-but-secret');
  });

  it('refuses to start in production without PII_KEY, in one line', async () => {
    const noKey = run({ NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), DATA_DIR: dataDir });
    expect(await noKey.exited).toBe(1);
    const lines = noKey
      .output()
      .split('\n')
      .filter((line) => line.includes('PII_KEY'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PII_KEY is required when NODE_ENV=production');
  });

  it('keeps data across a restart, loads the demo once, and leaves no postgres behind', async () => {
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    const first = run(env);
    await waitForReady(Number(env.PORT), first);
    const pid = postmasterPid(dataDir);
    expect(pid).not.toBeNull();
    const login = await gql(
      Number(env.PORT),
      `mutation { login(username: "admin", password: "shifosi-demo") { accessToken } }`,
    );
    const token = (login.data!.login as { accessToken: string }).accessToken;
    const created = await gql(
      Number(env.PORT),
      `mutation { createZone(input: { parkCode: "dazu-carving-park", code: "restart-check", name: "重启测试区", kind: OTHER }) { id } }`,
      undefined,
      token,
    );
    expect(created.errors).toBeUndefined();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(alive(pid!)).toBe(false);

    // The second start prints readable lines (as on a terminal) and keeps the development JWT secret: a token of the
    // first run still works.
    const second = run({ ...env, LOG_FORMAT: 'pretty' });
    await waitForReady(Number(env.PORT), second);
    const withOldToken = await gql(Number(env.PORT), '{ parks { code } }', undefined, token);
    expect(withOldToken.errors).toBeUndefined();
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    // ...and the development personal-data key: ID numbers stored by the first run still decrypt.
    expect(statSync(join(dataDir, 'pii-key')).mode & 0o777).toBe(0o600);
    const ids = await gql(
      Number(env.PORT),
      '{ trainees(first: 1, filter: { parkCode: "dazu-carving-park" }) { edges { node { idNumber } } } }',
      undefined,
      token,
    );
    expect(ids.errors).toBeUndefined();
    expect(JSON.stringify(ids.data)).toMatch(/"idNumber":"\d{17}[\dX]"/);
    const again = await gql(
      Number(env.PORT),
      `mutation { login(username: "admin", password: "shifosi-demo") { accessToken } }`,
    );
    const read = await gql(
      Number(env.PORT),
      `{ parks { code } park(code: "dazu-carving-park") { zones { code } } }`,
      undefined,
      (again.data!.login as { accessToken: string }).accessToken,
    );
    expect(read.data!.parks).toHaveLength(1);
    const zones = (read.data!.park as { zones: { code: string }[] }).zones;
    expect(zones.map((z) => z.code)).toContain('restart-check');
    const pid2 = postmasterPid(dataDir)!;
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(alive(pid2)).toBe(false);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    expect(second.output()).not.toContain('Demo park loaded');
    expect(first.output()).toContain('Demo park loaded');
    // One block once listening, on every start (JSON lines on a pipe, readable lines with LOG_FORMAT=pretty); no
    // module-loading chatter, and no "started" before the port is bound.
    const block = (output: string) => output.slice(output.indexOf('Shifosi park API listening'));
    const firstBlock = JSON.parse(
      first
        .output()
        .split('\n')
        .find((line) => line.includes('Shifosi park API listening'))!,
    ) as { level: number; msg: string };
    expect(firstBlock.level).toBe(30);
    for (const text of [firstBlock.msg, block(second.output())]) {
      expect(text).toContain(`GraphQL   http://127.0.0.1:${env.PORT}/graphql`);
      expect(text).toContain(`GraphiQL  http://127.0.0.1:${env.PORT}/graphql`);
      expect(text).toContain(
        `Database  embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT}, data in ${dataDir}`,
      );
      expect(text).toContain(
        'Sign in   demo users admin, analyst, finance, leasing, recruiter, password "shifosi-demo"',
      );
    }
    expect(second.output()).toMatch(/^\d\d:\d\d:\d\d INFO {2}\[Main\] Shifosi park API listening/m);
    for (const output of [first.output(), second.output()]) {
      expect(output).not.toMatch(/InstanceLoader|RoutesResolver|RouterExplorer|successfully started/);
    }

    // Production refuses to run while accounts with a published password exist.
    const production = run({
      ...env,
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
      PII_KEY: 'cd'.repeat(32),
    });
    expect(await production.exited).toBe(1);
    expect(production.output()).toContain(
      'Refusing to start with NODE_ENV=production while demo users exist',
    );
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });

  it('stops its embedded postgres when start-up fails half-way (HTTP port taken)', async () => {
    const net = await import('node:net');
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const app = run({ DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()) });
    const code = await app.exited;
    server.close();
    expect(code).toBe(1);
    const errors = app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((entry) => entry.level >= 50);
    expect(errors.map((e) => e.msg)).toEqual([
      `Cannot listen on 127.0.0.1:${port}: the port is in use (another server running? set PORT)`,
    ]);
    expect(app.output()).not.toMatch(/listening|successfully started/);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  });

  it('still stops, and promptly, when its embedded PostgreSQL died under it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifosi-crash-'));
    chmodSync(dir, 0o755);
    try {
      const env = {
        DATA_DIR: dir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
        SEED_DEMO: 'false',
      };
      const app = run(env);
      await waitForReady(Number(env.PORT), app);
      process.kill(postmasterPid(dir)!, 'SIGKILL');
      const started = Date.now();
      app.child.kill('SIGTERM');
      const code = await app.exited;
      expect(Date.now() - started).toBeLessThan(25_000);
      expect(code).not.toBeNull();
      expect(postgresProcessesFor(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('recovers after kill -9: stops the orphaned postgres of its DATA_DIR, restarts, keeps committed data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifosi-kill-'));
    chmodSync(dir, 0o755);
    const other = mkdtempSync(join(tmpdir(), 'shifosi-other-'));
    try {
      const env = {
        DATA_DIR: dir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
      };
      const first = run(env);
      await waitForReady(Number(env.PORT), first);
      const login = await gql(
        Number(env.PORT),
        `mutation { login(username: "admin", password: "shifosi-demo") { accessToken } }`,
      );
      const token = (login.data!.login as { accessToken: string }).accessToken;
      const created = await gql(
        Number(env.PORT),
        `mutation { createZone(input: { parkCode: "dazu-carving-park", code: "after-kill", name: "崩溃后", kind: OTHER }) { id } }`,
        undefined,
        token,
      );
      expect(created.errors).toBeUndefined();
      const orphan = postmasterPid(dir)!;

      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      // The postmaster outlives its parent: this is the state the next start must cope with.
      expect(alive(orphan)).toBe(true);
      expect(await postmasterOf(join(dir, 'postgres'))).toBe(orphan);
      // A pid file naming that postmaster from another directory does not make it that directory's server.
      mkdirSync(join(other, 'postgres'));
      writeFileSync(
        join(other, 'postgres', 'postmaster.pid'),
        readFileSync(join(dir, 'postgres', 'postmaster.pid')),
      );
      expect(await postmasterOf(join(other, 'postgres'))).toBeUndefined();
      expect(await postmasterOf(join(__dirname, 'no-such-dir'))).toBeUndefined();

      const second = run(env);
      await waitForReady(Number(env.PORT), second);
      expect(alive(orphan)).toBe(false);
      expect(second.output()).toContain(`PostgreSQL (pid ${orphan}) is still running for this DATA_DIR`);
      const again = await gql(
        Number(env.PORT),
        `mutation { login(username: "admin", password: "shifosi-demo") { accessToken } }`,
      );
      const read = await gql(
        Number(env.PORT),
        `{ park(code: "dazu-carving-park") { zones { code } } }`,
        undefined,
        (again.data!.login as { accessToken: string }).accessToken,
      );
      const zones = (read.data!.park as { zones: { code: string }[] }).zones;
      expect(zones.map((z) => z.code)).toContain('after-kill');
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(postgresProcessesFor(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('keeps its passwords in DATA_DIR readable by its user only, and connects as the app role', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifosi-roles-'));
    chmodSync(dir, 0o755);
    try {
      const env = {
        DATA_DIR: dir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
        SEED_DEMO: 'false',
      };
      const app = run(env);
      await waitForReady(Number(env.PORT), app);
      for (const file of ['app.password', 'owner.password', 'postgres.password']) {
        expect((statSync(join(dir, file)).mode & 0o777).toString(8)).toBe('600');
      }
      expect(app.output()).not.toContain('which is a superuser');
      expect(app.output()).not.toMatch(/owns \d+ table/);
      const appPassword = readFileSync(join(dir, 'app.password'), 'utf8').trim();
      const { Client } = await import('pg');
      const client = new Client({
        connectionString: `postgresql://shifosi_app:${encodeURIComponent(appPassword)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/shifosi`,
      });
      await client.connect();
      try {
        const { rows } = await client.query<{ super: boolean; owner: string; sessions: number }>(
          `SELECT r.rolsuper AS super, pg_get_userbyid(d.datdba) AS owner,
                  (SELECT count(*)::int FROM pg_stat_activity WHERE usename = 'shifosi_app'
                     AND application_name = 'shifosi-park') AS sessions
             FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
        );
        expect(rows[0]).toEqual({ super: false, owner: 'shifosi_owner', sessions: expect.any(Number) });
        expect(rows[0]!.sessions).toBeGreaterThan(0);
        await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
      }
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('uses a DATA_DIR made by mktemp -d (0700), and stops with one line when a parent is out of reach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifosi-0700-'));
    const parent = mkdtempSync(join(tmpdir(), 'shifosi-closed-'));
    try {
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const env = {
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
        SEED_DEMO: 'false',
      };
      const app = run({ ...env, DATA_DIR: dir });
      await waitForReady(Number(env.PORT), app);
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const root = process.getuid?.() === 0;
      // As root PostgreSQL runs as "postgres": the directory gets o+x (enter, not list), and nothing more.
      expect(statSync(dir).mode & 0o777).toBe(root ? 0o701 : 0o700);
      if (root)
        expect(messages(app.output())).toContain(
          'added o+x so that the "postgres" user running PostgreSQL can enter it',
        );

      // A directory above DATA_DIR is not ours to change.
      const nested = join(parent, 'data');
      const blocked = run({ ...env, DATA_DIR: nested });
      if (root) {
        expect(await blocked.exited).toBe(1);
        const lines = messages(blocked.output())
          .split('\n')
          .filter((line) => line.includes('out of reach'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`it cannot enter ${parent} (mode 0700). Run \`chmod o+x ${parent}\``);
        expect(blocked.output()).not.toContain('Permission denied');
        expect(blocked.output()).not.toMatch(/^\s+at /m);
        expect(statSync(parent).mode & 0o777).toBe(0o700);
      } else {
        // Not root: PostgreSQL runs as this user, which can reach its own directories.
        await waitForReady(Number(env.PORT), blocked);
        blocked.child.kill('SIGTERM');
        expect(await blocked.exited).toBe(0);
      }
      expect(postgresProcessesFor(nested)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('creates the first administrator from the command line, and lets production start once demo users are gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shifosi-cli-'));
    chmodSync(dir, 0o755);
    const USER_CLI = join(__dirname, '..', 'dist', 'scripts', 'user.js');
    try {
      const env = {
        DATA_DIR: dir,
        PORT: String(await freePort()),
        EMBEDDED_PG_PORT: String(await freePort()),
      };
      // A development start loads the demo park and its demo users.
      const dev = run(env);
      await waitForReady(Number(env.PORT), dev);
      dev.child.kill('SIGTERM');
      expect(await dev.exited).toBe(0);

      const create = run({ ...env, USER_PASSWORD: 'ops-password-123' }, USER_CLI, [
        'create',
        '--username',
        'ops',
        '--role',
        'ADMIN',
        '--park',
        'dazu-carving-park',
      ]);
      expect(await create.exited).toBe(0);
      expect(create.output()).toContain('Created ops (ADMIN) in dazu-carving-park');
      const bad = run({ ...env, USER_PASSWORD: 'short' }, USER_CLI, [
        'create',
        '--username',
        'x1',
        '--role',
        'ADMIN',
      ]);
      expect(await bad.exited).toBe(1);
      expect(bad.output()).toContain('The password must be 10 to 200 characters');

      const production = {
        ...env,
        NODE_ENV: 'production',
        JWT_SECRET: 'p'.repeat(40),
        PII_KEY: 'cd'.repeat(32),
      };
      const refused = run(production);
      expect(await refused.exited).toBe(1);
      const remove = run(env, USER_CLI, ['remove-demo']);
      expect(await remove.exited).toBe(0);
      expect(remove.output()).toContain('Removed demo users: admin, analyst, finance, leasing, recruiter');

      const prod = run(production);
      await waitForReady(Number(env.PORT), prod);
      const login = await gql(
        Number(env.PORT),
        `mutation { login(username: "ops", password: "ops-password-123") { accessToken } }`,
      );
      const token = (login.data!.login as { accessToken: string }).accessToken;
      const me = await gql(Number(env.PORT), '{ me { name roles parkCodes } }', undefined, token);
      expect(me.data!.me).toEqual({ name: 'ops', roles: ['ADMIN'], parkCodes: ['dazu-carving-park'] });
      const demo = await gql(
        Number(env.PORT),
        `mutation { login(username: "admin", password: "shifosi-demo") { accessToken } }`,
      );
      expect(demo.errors).toBeDefined();
      prod.child.kill('SIGTERM');
      expect(await prod.exited).toBe(0);
      expect(postgresProcessesFor(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // six process starts, each with its own embedded PostgreSQL: 88 s alone at load 11
});
