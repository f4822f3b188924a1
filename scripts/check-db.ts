import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { pendingSchemaChanges } from '../src/database/schema-diff';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createScratchDatabase, startScratchServer } from '../src/database/scratch-server';

/**
 * `npm run check:db`: on an empty scratch database, (1) run every migration, (2) fail when the entities would still
 * generate SQL (migration drift), (3) fail when schema.gql differs from the schema the code builds.
 * `--write-schema` rewrites schema.gql instead of comparing. Uses TEST_DATABASE_URL's server when set.
 */
async function main(): Promise<number> {
  const writeSchema = process.argv.includes('--write-schema');
  const server = await startScratchServer(process.env.TEST_DATABASE_URL);
  const db = await createScratchDatabase(server.adminUrl, 'check');
  let failures = 0;
  try {
    const dataSource = new DataSource(dataSourceOptions(db.url));
    await dataSource.initialize();
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      const pending = await pendingSchemaChanges(dataSource);
      console.log(`migrations: ${ran.length} applied on an empty database`);
      if (pending.upQueries.length > 0) {
        failures++;
        console.error('migration drift: the entities differ from the migrations; the generator would write:');
        for (const q of pending.upQueries) console.error(`  ${q.query}`);
      } else {
        console.log('migration drift: none');
      }
    } finally {
      await dataSource.destroy();
    }

    const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn' });
    const app = await createApp({ config, databaseUrl: db.url });
    try {
      const schema = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
      const committed = await readFile('schema.gql', 'utf8').catch(() => '');
      if (writeSchema) {
        await writeFile('schema.gql', schema);
        console.log('schema.gql written');
      } else if (committed !== schema) {
        failures++;
        console.error('schema.gql is out of date: run `npm run schema` and commit it');
      } else {
        console.log('schema.gql: up to date');
      }
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
    await server.stop();
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
