import type { DataSource, QueryRunner } from 'typeorm';
import type { SqlInMemory } from 'typeorm/driver/SqlInMemory';

/** Makes a query runner send one statement at a time: each query waits for the one before it to finish. */
function oneAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const run = tail.then(() => query(...args));
    tail = run.catch(() => undefined);
    return run;
  }) as QueryRunner['query'];
  return runner;
}

/**
 * The SQL TypeORM would still generate to make the database match the entities (migration drift). TypeORM's schema
 * reader sends several queries at once on one pg client (Promise.all in PostgresQueryRunner.loadTables), which pg
 * 8.x deprecates ("client.query() when the client is already executing a query") and pg 9 will refuse; here its
 * query runner sends them in turn, which is what pg did with them anyway.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<SqlInMemory> {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => oneAtATime(create(mode));
  try {
    return await dataSource.driver.createSchemaBuilder().log();
  } finally {
    dataSource.createQueryRunner = create;
  }
}
