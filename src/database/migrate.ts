import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { appRoleOption, GRANT_APP_ROLE_SQL } from './app-role';
import { dataSourceOptions } from './data-source-options';

/** The two connections of an installation: the app role serves requests, the owner runs migrations. */
export interface DatabaseUrls {
  /** DATABASE_URL: the app role (no superuser, owns nothing). */
  url: string;
  /** DATABASE_MIGRATION_URL: the role that owns the tables (the same URL when unset). */
  migrationUrl: string;
}

/** Where migrateDatabase reports (a Nest Logger fits). */
export interface MigrationLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface RoleFacts {
  name: string;
  superuser: boolean;
  /** Tables of the public schema this role owns, directly or through a role it inherits. */
  ownedTables: number;
}

/** Who `url` connects as, and whether it could get around table rights (superuser, owner). */
export async function roleFacts(url: string): Promise<RoleFacts> {
  const client = new Client({ connectionString: url, application_name: 'shifosi-park-migrations' });
  await client.connect();
  try {
    const { rows } = await client.query<RoleFacts>(
      `SELECT current_user AS name, r.rolsuper AS superuser,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                  AND pg_has_role(current_user, c.relowner, 'USAGE')) AS "ownedTables"
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

/**
 * Runs pending migrations as the owner, then (re)grants the app role its rights (app-role.ts), so tables made by
 * any migration, or by an owner that changed since, are covered. Logs a warning when the app role is a superuser
 * or owns tables: then the database cannot keep the audit trail append-only against the app.
 * Returns the names of the migrations that ran.
 */
export async function migrateDatabase(urls: DatabaseUrls, logger: MigrationLogger): Promise<string[]> {
  const app = await roleFacts(urls.url);
  const owner = new DataSource(
    dataSourceOptions(urls.migrationUrl, {
      extra: { max: 2, application_name: 'shifosi-park-migrations', options: appRoleOption(app.name) },
    }),
  );
  await owner.initialize();
  let ran: string[];
  try {
    ran = (await owner.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
    await owner.query(GRANT_APP_ROLE_SQL);
  } finally {
    await owner.destroy();
  }
  if (ran.length > 0) logger.log(`Applied ${ran.length} migration(s): ${ran.join(', ')}`);
  const after = await roleFacts(urls.url);
  if (after.superuser || after.ownedTables > 0) {
    logger.warn(
      `The app connects to PostgreSQL as "${after.name}", which ` +
        (after.superuser ? 'is a superuser' : `owns ${after.ownedTables} table(s)`) +
        ': it could change the append-only audit trail. Give DATABASE_URL a role of its own and run migrations ' +
        'with DATABASE_MIGRATION_URL (README, Configuration: database roles).',
    );
  }
  return ran;
}
