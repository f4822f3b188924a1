import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { pendingSchemaChanges } from '../src/database/schema-diff';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createScratchDatabase, startScratchServer } from '../src/database/scratch-server';

/**
 * `npm run migration:generate -- VerbNoun`: runs the existing migrations on a scratch database, asks TypeORM what SQL
 * the entities still need, and writes it as migrations/<timestamp>-VerbNoun.ts (with down()). Read it, then add it
 * to migrations/index.ts.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('usage: npm run migration:generate -- VerbNoun');
  const server = await startScratchServer(process.env.TEST_DATABASE_URL);
  const db = await createScratchDatabase(server.adminUrl, 'generate');
  try {
    const dataSource = new DataSource(dataSourceOptions(db.url));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
      const { upQueries, downQueries } = await pendingSchemaChanges(dataSource);
      if (upQueries.length === 0) {
        console.log('Nothing to generate: the migrations match the entities.');
        return;
      }
      const timestamp = Date.now();
      const quote = (q: string) => '`' + q.replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';
      const up = upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
      const down = downQueries
        .reverse()
        .map((q) => `    await queryRunner.query(${quote(q.query)});`)
        .join('\n');
      const file = `migrations/${timestamp}-${name}.ts`;
      await writeFile(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
      );
      console.log(`Wrote ${file}`);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await db.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
