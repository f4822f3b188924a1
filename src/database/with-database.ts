import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { standaloneLogger } from '../common/logging/logging.module';
import { AppConfig, loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { migrateDatabase } from './migrate';
import { resolveDatabase } from './resolve-database';

/**
 * For command-line scripts: the configured database (embedded or DATABASE_URL) with every migration applied (as the
 * owner), connected as the app role, closed and stopped again afterwards whatever `fn` does.
 */
export async function withDatabase<T>(fn: (db: DataSource, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  Logger.overrideLogger(standaloneLogger(config));
  const database = await resolveDatabase(config);
  const db = new DataSource(dataSourceOptions(database.url));
  try {
    await migrateDatabase(database, new Logger('Migrations'));
    await db.initialize();
    return await fn(db, config);
  } finally {
    if (db.isInitialized) await db.destroy();
    await database.embedded?.stop();
  }
}
