import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from './embedded-postgres';
import { provisionEmbeddedDatabase } from './embedded-roles';
import type { DatabaseUrls } from './migrate';

export interface ResolvedDatabase extends DatabaseUrls {
  /** Set when this process started an embedded server: stop it after the app has closed. */
  embedded?: EmbeddedDatabase;
}

/**
 * DATABASE_URL (the app role) and DATABASE_MIGRATION_URL (the owner; DATABASE_URL when unset) when given;
 * otherwise a real embedded PostgreSQL under DATA_DIR (started here, kept between runs) with its two roles.
 */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, migrationUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL };
  }
  const logger = new Logger('EmbeddedPostgres');
  const dataDir = resolve(config.DATA_DIR);
  logger.log(`Starting embedded PostgreSQL in ${dataDir} on 127.0.0.1:${config.EMBEDDED_PG_PORT}`);
  const embedded = await EmbeddedDatabase.start({
    dataDir,
    port: config.EMBEDDED_PG_PORT,
    log: (message) => logger.debug(message),
    warn: (message) => logger.warn(message),
  });
  try {
    return { ...(await provisionEmbeddedDatabase(embedded.adminUrl, dataDir, 'shifosi')), embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
