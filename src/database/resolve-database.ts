import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  /** Set when this process started an embedded server: stop it after the app has closed. */
  embedded?: EmbeddedDatabase;
}

/** DATABASE_URL when given; otherwise a real embedded PostgreSQL under DATA_DIR (started here, kept between runs). */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL };
  const logger = new Logger('EmbeddedPostgres');
  const dataDir = join(config.DATA_DIR);
  logger.log(`Starting embedded PostgreSQL in ${dataDir} on 127.0.0.1:${config.EMBEDDED_PG_PORT}`);
  const embedded = await EmbeddedDatabase.start({
    dataDir,
    port: config.EMBEDDED_PG_PORT,
    database: 'shifosi',
    log: (message) => logger.debug(message),
  });
  return { url: embedded.url, embedded };
}
