import 'reflect-metadata';
import 'dotenv/config';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from './app.setup';
import { standaloneLogger } from './common/logging/logging.module';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { developmentJwtSecret, developmentPiiKey } from './config/dev-secret';
import { DataDirError } from './database/data-dir-access';
import { migrateDatabase } from './database/migrate';
import { resolveDatabase, ResolvedDatabase } from './database/resolve-database';
import { refuseDemoUsers, seedDemoIfEmpty } from './seed/demo-seed';
import { demoUsersWithDemoPassword, startupSummary } from './startup/startup-summary';

const logger = new Logger('Main');
const SHUTDOWN_TIMEOUT_MS = 20_000;

/** One line for the failures a person can fix at once (port taken); the stack for anything else. */
function startupFailure(error: unknown, config: AppConfig): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `Cannot listen on ${config.HOST}:${config.PORT}: the port is in use (another server running? set PORT)`;
  }
  if (code === 'EADDRNOTAVAIL')
    return `Cannot listen on ${config.HOST}:${config.PORT}: no such address here (HOST)`;
  if (code === 'EACCES') return `Cannot listen on ${config.HOST}:${config.PORT}: permission denied (PORT)`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }

  // Until the app's logger takes over, Nest's static logger writes through the same pino root and format.
  Logger.overrideLogger(standaloneLogger(config));

  let database: ResolvedDatabase | undefined;
  let app: NestFastifyApplication | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (reason: string | undefined, code: number): Promise<void> =>
    (stopping ??= (async () => {
      if (reason) logger.log(`Shutting down (${reason})`);
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
    // Development: a secret kept under DATA_DIR, so a restart does not sign everyone out (production requires one).
    if (!config.JWT_SECRET && !config.isProduction) {
      config.JWT_SECRET = (await developmentJwtSecret(config.DATA_DIR)).secret;
    }
    // Likewise the key of stored resident ID numbers (production requires PII_KEY: see loadConfig).
    if (!config.PII_KEY && !config.isProduction) {
      config.PII_KEY = (await developmentPiiKey(config.DATA_DIR)).secret;
    }
    database = await resolveDatabase(config);
    await migrateDatabase(database, new Logger('Migrations'));
    app = await createApp({ config, databaseUrl: database.url });
    const db = app.get(DataSource);
    // Demo accounts have a published password: never created in production.
    if (config.seedDemo) await seedDemoIfEmpty(db, { users: !config.isProduction });
    if (config.isProduction) await refuseDemoUsers(db);
    await app.listen({ port: config.PORT, host: config.HOST });
    const summary = startupSummary({
      config,
      databaseUrl: database.url,
      embedded: Boolean(database.embedded),
      demoUsers: config.isProduction ? [] : await demoUsersWithDemoPassword(db),
    });
    logger.log(summary);
  } catch (error) {
    // An operator's mistake is one line saying what to do; anything else gets its stack.
    logger.error(error instanceof DataDirError ? error.message : startupFailure(error, config));
    await stop(undefined, 1);
  }
}

void main();
