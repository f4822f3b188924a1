import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase } from './embedded-postgres';

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A PostgreSQL server for tools and tests: the one at `serverUrl`, or a throwaway embedded one. */
export interface ScratchServer {
  /** URL of the maintenance database (`postgres`) with rights to create databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startScratchServer(
  serverUrl?: string,
  postgresFlags?: string[],
): Promise<ScratchServer> {
  if (serverUrl) return { adminUrl: serverUrl, stop: async () => undefined };
  const dataDir = await mkdtemp(join(tmpdir(), 'shifosi-pg-'));
  // mkdtemp makes it 0700; the postgres user embedded-postgres runs as (when we are root) must traverse it.
  await chmod(dataDir, 0o755);
  const server = await EmbeddedDatabase.start({ dataDir, port: await freePort(), postgresFlags });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Replaces the database name of a PostgreSQL URL. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty (or templated) database with a random name and returns its URL and a drop function. `owner`
 * (a role name) owns the new database; the superuser of `adminUrl` otherwise.
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
  template?: string,
  owner?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Copying a template fails while another copy of it is being made (it must have no other session), so parallel
    // test files take turns through an advisory lock on the server.
    await client.query(`SELECT pg_advisory_lock(hashtext('shifosi-create-database'))`);
    await client.query(
      `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}` +
        (owner ? ` OWNER ${client.escapeIdentifier(owner)}` : ''),
    );
  } finally {
    await client.end();
  }
  return {
    name,
    url: withDatabaseName(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
