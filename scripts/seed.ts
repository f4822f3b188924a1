import 'reflect-metadata';
import 'dotenv/config';
import { withDatabase } from '../src/database/with-database';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';

/** `npm run seed`: runs migrations, then loads the demo park if the database has no park yet. */
async function main(): Promise<void> {
  await withDatabase(async (db, config) => {
    const loaded = await seedDemoIfEmpty(db, { users: !config.isProduction });
    console.log(loaded ? 'Demo park loaded.' : 'A park already exists: nothing loaded.');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
