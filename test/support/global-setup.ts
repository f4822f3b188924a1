import 'reflect-metadata';
import { migrateDatabase } from '../../src/database/migrate';
import { ensureLoginRole, randomPassword, urlAs } from '../../src/database/roles';
import { adminQuery, startScratchServer, withDatabaseName } from '../../src/database/scratch-server';

/**
 * One PostgreSQL for the whole e2e run: TEST_DATABASE_URL's server if set (a superuser URL), otherwise an embedded
 * one. Two roles are made for the run, as in production: an owner that runs the migrations, once, into a template
 * database, and an app role without rights beyond its grants. Each test file then copies the template (CREATE
 * DATABASE … TEMPLATE … OWNER owner) and its app connects as the app role, see test-app.ts.
 */
export default async function globalSetup(): Promise<void> {
  const server = await startScratchServer(process.env.TEST_DATABASE_URL);
  (globalThis as { __PG_SERVER__?: unknown }).__PG_SERVER__ = server;
  // Role names are per server: the PID keeps two runs on one shared server apart.
  const owner = { name: `e2e_owner_${process.pid}`, password: randomPassword() };
  const app = { name: `e2e_app_${process.pid}`, password: randomPassword() };
  await ensureLoginRole(server.adminUrl, owner);
  await ensureLoginRole(server.adminUrl, app);
  // Workers inherit these: the server, the two roles and the migrated template to copy.
  const template = `e2e_template_${process.pid}`;
  process.env.E2E_ADMIN_URL = server.adminUrl;
  process.env.E2E_TEMPLATE = template;
  process.env.E2E_OWNER_URL = urlAs(server.adminUrl, owner);
  process.env.E2E_APP_URL = urlAs(server.adminUrl, app);
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await adminQuery(server.adminUrl, `CREATE DATABASE ${template} OWNER ${owner.name}`);
  await migrateDatabase(
    {
      url: withDatabaseName(process.env.E2E_APP_URL, template),
      migrationUrl: withDatabaseName(process.env.E2E_OWNER_URL, template),
    },
    { log: () => undefined, warn: (message) => console.warn(message) },
  );
}
