import { DynamicModule, Module } from '@nestjs/common';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { QueryCounter } from './database/query-counter';
import { AppGraphQLModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { DOMAIN_MODULES } from './modules';

export interface AppModuleOptions {
  config: AppConfig;
  /** The resolved PostgreSQL URL: DATABASE_URL, the embedded server's, or a test database's. */
  databaseUrl: string;
  /** Tests pass a QueryCounter to count the SQL statements each request sends. */
  queryCounter?: QueryCounter;
}

/** Wires configuration, logging, the database, GraphQL, health and the domain modules. */
@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, queryCounter }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot(databaseUrl, queryCounter),
        AppGraphQLModule,
        HealthModule,
        ...DOMAIN_MODULES,
      ],
    };
  }
}
