import 'reflect-metadata';
import 'dotenv/config';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.setup';
import { ConfigError, loadConfig, nestLogLevels } from './config/app-config';
import { DataDirError } from './database/data-dir-access';
import { migrateDatabase } from './database/migrate';
import { resolveDatabase, ResolvedDatabase } from './database/resolve-database';
import { refuseDemoUsers, seedDemoIfEmpty } from './seed/demo-seed';
import { DataSource } from 'typeorm';

const logger = new Logger('Main');
const SHUTDOWN_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }

  // Until the app's pino logger takes over, Nest's console logger prints; keep it to the configured level.
  Logger.overrideLogger(nestLogLevels(config.LOG_LEVEL));

  let database: ResolvedDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (reason: string, code: number): Promise<void> =>
    (stopping ??= (async () => {
      logger.log(`Shutting down (${reason})`);
      // Whatever hangs (a request that never ends, a dead database), the process ends within this time.
      setTimeout(() => {
        logger.error(`Shutdown did not finish in ${SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`);
        process.exit(code || 1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      // Fastify stops accepting, lets in-flight requests finish, then Nest closes the pool.
      await app?.close().catch((error: unknown) => logger.error(error));
      await database?.embedded?.stop().catch((error: unknown) => logger.error(error));
      process.exit(code);
    })());
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));

  try {
    database = await resolveDatabase(config);
    await migrateDatabase(database, new Logger('Migrations'));
    app = await createApp({ config, databaseUrl: database.url });
    // Demo accounts have a published password: never created in production.
    if (config.seedDemo) await seedDemoIfEmpty(app.get(DataSource), { users: !config.isProduction });
    if (config.isProduction) await refuseDemoUsers(app.get(DataSource));
    await app.listen({ port: config.PORT, host: config.HOST });
    logger.log(`GraphQL API at http://${config.HOST}:${config.PORT}/graphql`);
  } catch (error) {
    // An operator's mistake is one line saying what to do; anything else gets its stack.
    if (error instanceof DataDirError) logger.error(error.message);
    else logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stop('startup failed', 1);
  }
}

void main();
