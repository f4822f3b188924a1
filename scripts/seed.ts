import 'reflect-metadata';
import 'dotenv/config';
import { DataSource } from 'typeorm';
import { Logger } from '@nestjs/common';
import { loadConfig, nestLogLevels } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { resolveDatabase } from '../src/database/resolve-database';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';

/** `npm run seed`: runs migrations, then loads the demo park if the database has no park yet. */
async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));
  const database = await resolveDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const loaded = await seedDemoIfEmpty(dataSource, { users: !config.isProduction });
    console.log(loaded ? 'Demo park loaded.' : 'A park already exists: nothing loaded.');
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
