import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { types } from 'pg';
import type { Logger } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// `date` columns travel as 'YYYY-MM-DD' strings: a JS Date would shift them by the process time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);
// bigint counts (COUNT(*)) fit in a JS number for every figure this system reports.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/**
 * TypeORM over the URL resolved by main.ts (the app role: embedded or DATABASE_URL). Migrations are not run here:
 * the owner runs them before the app starts (migrate.ts).
 */
@Module({})
export class DatabaseModule {
  static forRoot(url: string, logger?: Logger) {
    const overrides = logger ? { logger, logging: ['query' as const] } : {};
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(url, overrides))],
    };
  }
}
