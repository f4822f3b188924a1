import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { Client } from 'pg';

export interface RoleCredentials {
  name: string;
  password: string;
}

/**
 * Creates a login role without special rights (no superuser, no CREATEDB/CREATEROLE, no replication, no RLS
 * bypass), or brings an existing one back to that and to `password`. Needs a connection with CREATEROLE.
 */
export async function ensureLoginRole(adminUrl: string, role: RoleCredentials): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
    const verb = found.rowCount === 0 ? 'CREATE' : 'ALTER';
    await client.query(
      `${verb} ROLE ${client.escapeIdentifier(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE ` +
        `NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(role.password)}`,
    );
  } finally {
    await client.end();
  }
}

/** Drops a role; false (and no error) when it still owns something or is gone already. */
export async function dropRole(adminUrl: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(name)}`);
    return true;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/** `url` with another user, password and (optionally) database. */
export function urlAs(url: string, role: RoleCredentials, database?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role.name);
  parsed.password = encodeURIComponent(role.password);
  if (database !== undefined) parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** The password kept in `file` (mode 0600), made at random the first time. */
export async function passwordFile(file: string): Promise<string> {
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined && existing.trim() !== '') {
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
    return existing.trim();
  }
  const password = randomPassword();
  await writeFile(file, password + '\n', { mode: 0o600 });
  await chmod(file, 0o600);
  return password;
}
