import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.setup';
import { loadConfig } from '../../src/config/app-config';
import { createScratchDatabase, withDatabaseName } from '../../src/database/scratch-server';
import { QueryCounter } from '../../src/database/query-counter';
import { Role } from '../../src/modules/access/access.enums';
import { createUserWithToken } from './auth';
import { sqlParams } from './ids';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  headers: Record<string, unknown>;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** The app's own connection: the app role, as in production (no superuser, owns nothing). */
  dataSource: DataSource;
  /**
   * Runs SQL as the owner of the tables (the role migrations run as), for what a test sets up beyond the app's
   * rights, e.g. a constraint added to make a write fail. Global ids among `params` are passed as their keys.
   */
  ownerQuery<T = unknown>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL as the app role (the app's own connection); global ids among `params` are passed as their keys. */
  sql<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
  /** Counts the SQL statements the app sends. */
  queries: QueryCounter;
  /** URL of this file's database as the app role. */
  url: string;
  /** URL of this file's database as the owner (the migration role). */
  ownerUrl: string;
  /** `Authorization` header value of an all-parks ADMIN, sent by gql() unless the caller passes its own. */
  adminAuthorization: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real app (same createApp as main.ts) on a fresh copy of the migrated template database, connected as the app
 * role (global-setup.ts). Each test file calls this once in beforeAll and `close()` in afterAll.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = process.env.E2E_ADMIN_URL;
  const template = process.env.E2E_TEMPLATE;
  const ownerUrl = process.env.E2E_OWNER_URL;
  const appUrl = process.env.E2E_APP_URL;
  if (!adminUrl || !template || !ownerUrl || !appUrl)
    throw new Error('E2E_ADMIN_URL/E2E_TEMPLATE/E2E_OWNER_URL/E2E_APP_URL unset: run e2e tests through jest');
  const owner = decodeURIComponent(new URL(ownerUrl).username);
  const db = await createScratchDatabase(adminUrl, 'e2e', template, owner);
  const url = withDatabaseName(appUrl, db.name);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env });
  const queries = new QueryCounter();
  const app = await createApp({ config, databaseUrl: url, queryCounter: queries });
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const admin = await createUserWithToken(app, dataSource, { roles: [Role.ADMIN], username: 'test-admin' });
  return {
    app,
    dataSource,
    queries,
    url,
    ownerUrl: withDatabaseName(ownerUrl, db.name),
    async ownerQuery<T>(sql: string, params?: unknown[]) {
      const client = new Client({ connectionString: withDatabaseName(ownerUrl, db.name) });
      await client.connect();
      try {
        return (await client.query(sql, sqlParams(params))).rows as T[];
      } finally {
        await client.end();
      }
    },
    sql: <T>(sql: string, params?: unknown[]) => dataSource.query<T>(sql, sqlParams(params)),
    adminAuthorization: admin.authorization,
    /** Posts a GraphQL request as the test admin; pass `authorization: ''` to send none. */
    async gql(query, variables, headers = {}) {
      const { authorization = admin.authorization, ...rest } = headers;
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...rest },
        payload: JSON.stringify({ query, variables }),
      });
      const body = response.json();
      return { status: response.statusCode, data: body.data, errors: body.errors, headers: response.headers };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
