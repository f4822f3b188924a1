import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseUrls } from './migrate';
import { ensureLoginRole, passwordFile, urlAs } from './roles';

/** Roles of the embedded server, made on first start; their random passwords are kept in DATA_DIR (mode 0600). */
export const EMBEDDED_OWNER_ROLE = 'shifosi_owner';
export const EMBEDDED_APP_ROLE = 'shifosi_app';

/**
 * Sets up the two roles and the app's database on the embedded server (as its superuser, `adminUrl`): the owner
 * owns the database and runs migrations, the app role serves requests. A database made before the roles existed
 * (its tables owned by the superuser) keeps migrating as its owner.
 */
export async function provisionEmbeddedDatabase(
  adminUrl: string,
  dataDir: string,
  database: string,
): Promise<DatabaseUrls> {
  const owner = { name: EMBEDDED_OWNER_ROLE, password: await passwordFile(join(dataDir, 'owner.password')) };
  const app = { name: EMBEDDED_APP_ROLE, password: await passwordFile(join(dataDir, 'app.password')) };
  await ensureLoginRole(adminUrl, owner);
  await ensureLoginRole(adminUrl, app);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  let databaseOwner: string;
  try {
    const found = await client.query<{ owner: string }>(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [database],
    );
    if (found.rows[0]) {
      databaseOwner = found.rows[0].owner;
    } else {
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(database)} OWNER ${client.escapeIdentifier(owner.name)}`,
      );
      databaseOwner = owner.name;
    }
  } finally {
    await client.end();
  }
  const superuser = new URL(adminUrl);
  superuser.pathname = `/${database}`;
  return {
    url: urlAs(adminUrl, app, database),
    migrationUrl: databaseOwner === owner.name ? urlAs(adminUrl, owner, database) : superuser.toString(),
  };
}
