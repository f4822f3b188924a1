import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { adminQuery, startScratchServer, withDatabaseName } from '../../src/database/scratch-server';

/**
 * One PostgreSQL for the whole e2e run: TEST_DATABASE_URL's server if set, otherwise an embedded one. Migrations run
 * once into a template database; each test file then copies it (CREATE DATABASE … TEMPLATE), see test-app.ts.
 */
export default async function globalSetup(): Promise<void> {
  const server = await startScratchServer(process.env.TEST_DATABASE_URL);
  (globalThis as { __PG_SERVER__?: unknown }).__PG_SERVER__ = server;
  // Workers inherit these: the server to use and the migrated template to copy.
  const template = `e2e_template_${process.pid}`;
  process.env.E2E_ADMIN_URL = server.adminUrl;
  process.env.E2E_TEMPLATE = template;
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await adminQuery(server.adminUrl, `CREATE DATABASE ${template}`);
  const dataSource = new DataSource(dataSourceOptions(withDatabaseName(server.adminUrl, template)));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
