import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse } from 'yaml';
import { CONFIG_KEYS, loadConfig } from './app-config';

const root = join(__dirname, '..', '..');
const readRootFile = (name: string): string => readFileSync(join(root, name), 'utf8');

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | boolean | null> | string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  healthcheck?: { test?: string | string[] };
  depends_on?: string[] | Record<string, { condition?: string }>;
}

interface ComposeFile {
  services?: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const configKeys: readonly string[] = CONFIG_KEYS;

describe('docker-compose.yml', () => {
  const compose = parse(readRootFile('docker-compose.yml')) as ComposeFile;
  const services = compose.services ?? {};
  const postgres = services.postgres;
  const api = services.api;

  /** What an operator provides when running `docker compose up` (the values compose requires). */
  const OPERATOR_ENV: Record<string, string> = {
    JWT_SECRET: 'an-operator-provided-secret-of-forty-chars!',
    PII_KEY: '0123456789abcdef'.repeat(4),
  };

  /** The api service's environment as the process would see it (compose passes every value as a string). */
  function apiEnvironment(): Record<string, string> {
    return environmentOf(api);
  }

  function environmentOf(service: ComposeService | undefined): Record<string, string> {
    const environment = service?.environment;
    expect(environment).toBeDefined();
    expect(Array.isArray(environment)).toBe(false);
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(environment as Record<string, unknown>)) {
      const raw = value === null || value === undefined ? '' : String(value as string | number | boolean);
      // Compose interpolation: ${NAME:?message} must come from the operator's environment; ${NAME:-default}.
      env[key] = raw
        .replace(/\$\{(\w+):\?[^}]*\}/g, (_m, name: string) => OPERATOR_ENV[name] ?? '')
        .replace(
          /\$\{(\w+):-([^}]*)\}/g,
          (_m, name: string, fallback: string) => OPERATOR_ENV[name] ?? fallback,
        );
    }
    return env;
  }

  it('defines the postgres and api services', () => {
    expect(postgres).toBeDefined();
    expect(api).toBeDefined();
  });

  it('runs postgres 17 with a healthcheck and a named data volume', () => {
    expect(postgres?.image).toMatch(/^postgres:17(\b|$)/);
    expect(postgres?.healthcheck?.test).toBeDefined();
    expect(JSON.stringify(postgres?.healthcheck?.test)).toContain('pg_isready');

    const mounts = (postgres?.volumes ?? []).map((volume) =>
      typeof volume === 'string'
        ? { source: volume.split(':')[0], target: volume.split(':')[1] }
        : { source: volume.source, target: volume.target },
    );
    const dataMount = mounts.find((mount) => mount.target === '/var/lib/postgresql/data');
    expect(dataMount).toBeDefined();
    const volumeName = dataMount!.source!;
    // A named volume, not a bind mount of a host path.
    expect(volumeName).toMatch(/^[A-Za-z0-9][\w.-]*$/);
    expect(Object.keys(compose.volumes ?? {})).toContain(volumeName);
  });

  it('starts the api only once postgres is healthy', () => {
    expect(api?.build).toBeDefined();
    const dependsOn = api?.depends_on;
    expect(dependsOn).toBeDefined();
    expect(Array.isArray(dependsOn)).toBe(false);
    expect((dependsOn as Record<string, { condition?: string }>).postgres?.condition).toBe('service_healthy');
  });

  it('gives the api a readiness healthcheck', () => {
    expect(JSON.stringify(api?.healthcheck?.test)).toContain('/health/ready');
  });

  it('only sets environment variables the app knows', () => {
    const unknown = Object.keys(apiEnvironment()).filter((key) => !configKeys.includes(key));
    expect(unknown).toEqual([]);
  });

  it('sets an api environment that passes validation and points at the postgres service', () => {
    const config = loadConfig(apiEnvironment());
    expect(config.isProduction).toBe(true);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATABASE_URL).toBeDefined();
    expect(new URL(config.DATABASE_URL!).hostname).toBe('postgres');
    expect(config.embedded).toBe(false);
  });
});

describe('docker-compose.yml database roles', () => {
  const compose = parse(readRootFile('docker-compose.yml')) as ComposeFile;
  const postgres = compose.services?.postgres;
  const api = compose.services?.api;
  const interpolate = (value: unknown): string =>
    String(value as string).replace(
      /\$\{(\w+):-([^}]*)\}/g,
      (_m, _name: string, fallback: string) => fallback,
    );
  const env = (service: ComposeService | undefined, key: string): string =>
    interpolate((service?.environment as Record<string, unknown>)[key]);

  it('serves requests as an app role and runs migrations as the owner, on the same database', () => {
    const app = new URL(env(api, 'DATABASE_URL'));
    const owner = new URL(env(api, 'DATABASE_MIGRATION_URL'));
    expect(app.username).toBe('shifosi_app');
    expect(owner.username).toBe('shifosi_owner');
    expect(app.host).toBe(owner.host);
    expect(app.pathname).toBe(owner.pathname);
    expect(app.username).not.toBe(env(postgres, 'POSTGRES_USER'));
  });

  it('creates both roles (no superuser) and the database owned by the owner on first start', () => {
    const mount = (postgres?.volumes ?? [])
      .map((volume) => (typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target]))
      .find(([, target]) => target === '/docker-entrypoint-initdb.d');
    expect(mount).toBeDefined();
    const dir = join(root, mount![0]!);
    const scripts = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
    const text = scripts.join('\n');
    expect(text).toMatch(/CREATE ROLE shifosi_owner LOGIN NOSUPERUSER/);
    expect(text).toMatch(/CREATE ROLE shifosi_app LOGIN NOSUPERUSER/);
    expect(text).toMatch(/CREATE DATABASE shifosi OWNER shifosi_owner/);
    // The passwords the script sets are the ones the api connects with.
    const app = new URL(env(api, 'DATABASE_URL'));
    const owner = new URL(env(api, 'DATABASE_MIGRATION_URL'));
    expect(decodeURIComponent(app.password)).toBe(env(postgres, 'SHIFOSI_APP_PASSWORD'));
    expect(decodeURIComponent(owner.password)).toBe(env(postgres, 'SHIFOSI_OWNER_PASSWORD'));
    expect(text).toContain('$SHIFOSI_APP_PASSWORD');
    expect(text).toContain('$SHIFOSI_OWNER_PASSWORD');
  });
});

describe('.env.example', () => {
  const text = readRootFile('.env.example');
  const assignments = parseDotenv(text);

  it.each(configKeys)('documents %s', (key) => {
    expect(text).toMatch(new RegExp(`^(# )?${key}=`, 'm'));
  });

  it('only assigns variables the app knows', () => {
    expect(Object.keys(assignments).filter((key) => !configKeys.includes(key))).toEqual([]);
  });

  it('assigns values that pass validation', () => {
    expect(() => loadConfig(assignments)).not.toThrow();
  });

  it('suggests valid values for the commented-out variables too', () => {
    const commented: Record<string, string> = {};
    for (const match of text.matchAll(/^# ([A-Z][A-Z0-9_]*)=(.*)$/gm)) commented[match[1]] = match[2].trim();
    expect(Object.keys(commented).length).toBeGreaterThan(0);
    expect(() => loadConfig({ ...assignments, ...commented })).not.toThrow();
  });
});

describe('Dockerfile', () => {
  const lines = readRootFile('Dockerfile')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const instructions = lines.map((line) => {
    const [instruction, ...rest] = line.split(/\s+/);
    return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
  });
  const argsOf = (name: string): string[] =>
    instructions.filter((entry) => entry.instruction === name).map((entry) => entry.args);

  it('builds on a Node 24 base image', () => {
    const bases = argsOf('FROM').map((args) => args.split(/\s+/).find((word) => !word.startsWith('--')));
    expect(bases.length).toBeGreaterThan(0);
    // Stages may build FROM an earlier stage; the external images must all be node:24.
    const stageNames = argsOf('FROM')
      .map((args) => /\sAS\s+(\S+)/i.exec(args)?.[1])
      .filter((name): name is string => name !== undefined);
    const images = bases.filter((base): base is string => base !== undefined && !stageNames.includes(base));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^node:24(\b|-|$)/);
  });

  it('runs as a non-root user', () => {
    const users = argsOf('USER');
    expect(users.length).toBeGreaterThan(0);
    const finalUser = users[users.length - 1].split(':')[0];
    expect(['root', '0']).not.toContain(finalUser);
  });

  it('declares a readiness HEALTHCHECK', () => {
    const healthchecks = argsOf('HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).toContain('/health/ready');
  });

  it('sets runtime options that the bench reads the same way (bench/servers.ts productionEnv)', () => {
    const env = argsOf('ENV');
    expect(env.find((args) => args.startsWith('NODE_OPTIONS='))).toMatch(
      /^NODE_OPTIONS="--max-old-space-size=\d+ --max-semi-space-size=\d+"$/,
    );
    const malloc = env.filter((args) => args.startsWith('MALLOC_'));
    expect(malloc.map((args) => args.split('=')[0]).sort()).toEqual([
      'MALLOC_ARENA_MAX',
      'MALLOC_MMAP_THRESHOLD_',
      'MALLOC_TRIM_THRESHOLD_',
    ]);
    for (const args of malloc) expect(args).toMatch(/^MALLOC_[A-Z_]+=\d+$/);
  });

  it('starts the compiled entry point', () => {
    expect(argsOf('CMD').pop()).toBe('["node", "dist/src/main.js"]');
  });
});
