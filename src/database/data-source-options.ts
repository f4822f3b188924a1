import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { PreparingClient } from './preparing-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The one description of the database, shared by the app, the migration scripts and the tests.
 * Migrations only: `synchronize` is never on, not in tests either.
 */
export function dataSourceOptions(
  url: string,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed for ids.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Repeated reads run as prepared statements (preparing-client.ts).
    extra: { max: 20, application_name: 'shifosi-park', Client: PreparingClient },
    ...overrides,
  } as DataSourceOptions;
}
