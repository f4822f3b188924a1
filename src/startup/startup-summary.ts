import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { verifyPassword } from '../modules/access/passwords';
import { DEMO_PASSWORD } from '../seed/demo-seed';

export interface StartupFacts {
  config: Pick<AppConfig, 'HOST' | 'PORT' | 'DATA_DIR' | 'EMBEDDED_PG_PORT' | 'NODE_ENV' | 'isProduction'>;
  /** The URL in use; only its host, port and database name are shown, never its credentials. */
  databaseUrl: string;
  embedded: boolean;
  /** Demo users that can still sign in with the published password. */
  demoUsers: string[];
}

/** The host to put in a URL a person clicks: a wildcard bind address is reached through localhost. */
function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** `host:port/database` of a PostgreSQL URL, without user or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname || ''}`;
  } catch {
    return '(DATABASE_URL, not shown)';
  }
}

/** The block printed once the server listens: where to point a client or a browser, which database, how to sign in. */
export function startupSummary(facts: StartupFacts): string {
  const { config } = facts;
  const base = `http://${browsableHost(config.HOST)}:${config.PORT}`;
  const lines = [
    `Shifosi park API listening (${config.NODE_ENV}, Node.js ${process.versions.node})`,
    `  GraphQL   ${base}/graphql`,
    config.isProduction
      ? '  GraphiQL  off in production'
      : `  GraphiQL  ${base}/graphql (open it in a browser)`,
    `  Health    ${base}/health/ready`,
    facts.embedded
      ? `  Database  embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT}, data in ${resolve(config.DATA_DIR)}`
      : `  Database  PostgreSQL at ${describeDatabaseUrl(facts.databaseUrl)} (DATABASE_URL)`,
  ];
  if (facts.demoUsers.length) {
    lines.push(
      `  Sign in   demo users ${facts.demoUsers.join(', ')}, password "${DEMO_PASSWORD}"`,
      '            (remove them before going live: npm run user -- remove-demo)',
    );
  }
  return lines.join('\n');
}

/** Enabled demo users whose password is still the published one (checked against the stored hash). */
export async function demoUsersWithDemoPassword(db: DataSource): Promise<string[]> {
  const rows = await db.query<{ username: string; password_hash: string }[]>(
    'SELECT username, password_hash FROM app_user WHERE demo AND disabled_at IS NULL ORDER BY created_at, username',
  );
  const usable = await Promise.all(rows.map((r) => verifyPassword(DEMO_PASSWORD, r.password_hash)));
  return rows.filter((_, i) => usable[i]).map((r) => r.username);
}
