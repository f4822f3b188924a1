import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../src/database/scratch-server';
import { BENCH_PII_KEY } from './generate';
import { Target } from './scenarios';

/** The repository root (this file runs from dist/bench/). */
export const ROOT = resolve(__dirname, '..', '..');
const PEER_DIR = join(ROOT, 'bench', 'peers', 'postgraphile');

/** A server under test: its own process, so its CPU and memory are its own and not the load generator's. */
export interface Server {
  target: Target;
  url: string;
  pid: number;
  rssBytes(): number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Installs the PostGraphile peer into bench/peers/postgraphile from its own lockfile (graphql 15 there; the app's
 * tree keeps graphql 16). Returns an error message instead of throwing, so a smoke run can go on without it.
 */
export function installPeers(): string | null {
  if (existsSync(join(PEER_DIR, 'node_modules', 'postgraphile', 'package.json'))) return null;
  console.log('bench: installing the PostGraphile peer (bench/peers/postgraphile, npm ci)…');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: PEER_DIR,
    stdio: 'inherit',
  });
  return npm.status === 0 ? null : `npm ci in ${PEER_DIR} failed (${npm.status})`;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces); null once the process has gone. */
function statOf(pid: number): { comm: string; fields: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const end = stat.lastIndexOf(')');
    return { comm: stat.slice(stat.indexOf('(') + 1, end), fields: stat.slice(end + 2).split(' ') };
  } catch {
    return null;
  }
}

/** Two adjacent clock-tick counters of a stat line's `fields` (from index `at`), summed, in ms. */
const ticksMs = (fields: string[], at: number) =>
  ((Number(fields[at]) + Number(fields[at + 1])) * 1000) / CLOCK_TICKS;

/** CPU time (user + system: stat fields 14 and 15) of a process, in ms; 0 once it has gone. */
export function cpuMsOf(pid: number): number {
  const fields = statOf(pid)?.fields;
  return fields ? ticksMs(fields, 11) : 0;
}

/**
 * CPU time of a PostgreSQL server on this machine, from one of its backends' pid: a function giving, in ms, the user
 * + system time of every live child of its postmaster (backends, writers, autovacuum) plus what its children that
 * have exited used (the postmaster's cutime + cstime), so a pool that closes connections does not lose their time.
 * null when the server is not on this machine (BENCH_SERVER_URL elsewhere): its cost is left out rather than guessed.
 */
export function postgresCpuMeter(backendPid: number): (() => number) | null {
  const backend = statOf(backendPid);
  const postmasterPid = backend ? Number(backend.fields[1]) : 0;
  const postmaster = postmasterPid ? statOf(postmasterPid) : null;
  if (backend?.comm !== 'postgres' || postmaster?.comm !== 'postgres') return null;
  return () => {
    // cutime and cstime are stat fields 16 and 17: the time of children the postmaster has reaped.
    const reaped = statOf(postmasterPid)?.fields;
    let total = reaped ? ticksMs(reaped, 13) : 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = statOf(Number(entry))?.fields;
      if (child && Number(child[1]) === postmasterPid) total += ticksMs(child, 11);
    }
    return total;
  };
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

/** Resident set size of a process from /proc (Linux), 0 once it has gone. */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function waitUntilListening(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`server at ${url} did not answer within 60 s:\n${log()}`);
}

async function start(
  target: Target,
  script: string,
  env: Record<string, string>,
  path: string,
): Promise<Server> {
  const port = await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", goes to this API's process (profiling a hot path).
  const nodeArgs = target === 'api' ? (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean) : [];
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // BENCH_API_LOG=<file> keeps this API's whole output (with BENCH_NODE_ARGS="--trace-gc": its collections).
  const log =
    target === 'api' && process.env.BENCH_API_LOG ? createWriteStream(process.env.BENCH_API_LOG) : null;
  const keep = (chunk: Buffer) => {
    log?.write(chunk);
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilListening(`${url}${path}`, child, () => output);
  let stopping = false;
  // A server that dies during the run would only show as errors in every later cell: say why, once.
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(`bench: ${target} exited (code ${code}, signal ${signal}); its last output:\n${output}`);
  });
  return {
    target,
    url,
    pid: child.pid!,
    rssBytes: () => rssOf(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    stop: () =>
      new Promise<void>((resolveStop) => {
        stopping = true;
        if (child.exitCode !== null) return resolveStop();
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The production image's Dockerfile, the one source of the settings below. */
function readDockerfile(): string {
  return readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
}

/**
 * The runtime settings of the production image, from its Dockerfile: `ENV NODE_OPTIONS="…"` (heap sizes) and
 * `ENV MALLOC_…=…` lines (glibc's allocator), each left out when the Dockerfile has none.
 */
export function productionEnv(): Record<string, string> {
  const dockerfile = readDockerfile();
  const env: Record<string, string> = {};
  const options = /^ENV NODE_OPTIONS="([^"]*)"/m.exec(dockerfile)?.[1];
  if (options) env.NODE_OPTIONS = options;
  for (const [, name, value] of dockerfile.matchAll(/^ENV (MALLOC_[A-Z_]+)=(\d+)$/gm)) env[name] = value;
  return env;
}

/** The Node.js major version of the production image (`FROM node:24-…`), or null. */
export function productionNodeMajor(): number | null {
  const tag = [...readDockerfile().matchAll(/^FROM node:(\d+)/gm)].pop()?.[1];
  return tag ? Number(tag) : null;
}

/** This API from the production build: NODE_ENV=production, the production image's runtime settings, logs
 * at warn (the peers log nothing per request); its pool is the app's own (20, data-source-options.ts), the size the
 * peers are given. */
export function startApi(databaseUrl: string): Promise<Server> {
  return start(
    'api',
    join(ROOT, 'dist', 'src', 'main.js'),
    {
      NODE_ENV: 'production',
      ...productionEnv(),
      DATABASE_URL: databaseUrl,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      JWT_TTL_SECONDS: '86400',
      PII_KEY: BENCH_PII_KEY,
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      // The login limit counts failures only; the bench signs in with the right password.
    },
    '/graphql',
  );
}

export function startPostGraphile(databaseUrl: string, poolSize: number): Promise<Server> {
  return start(
    'postgraphile',
    join(PEER_DIR, 'server.js'),
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize) },
    '/graphql',
  );
}

export function startRaw(databaseUrl: string, poolSize: number): Promise<Server> {
  return start(
    'raw',
    join(ROOT, 'dist', 'bench', 'raw-peer.js'),
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize) },
    '/s2',
  );
}
