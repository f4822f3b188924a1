import 'reflect-metadata';
import 'dotenv/config';
import { withDatabase } from '../src/database/with-database';
import { developmentPiiKey } from '../src/config/dev-secret';
import { parsePiiKey, PiiCipher } from '../src/modules/talent/pii/pii-cipher';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';

/** `npm run seed`: runs migrations, then loads the demo park if the database has no park yet. */
async function main(): Promise<void> {
  await withDatabase(async (db, config) => {
    // The key the app uses (main.ts): PII_KEY, else in development the one kept under DATA_DIR.
    const key = config.PII_KEY ?? (await developmentPiiKey(config.DATA_DIR)).secret;
    const pii = new PiiCipher(parsePiiKey(key));
    const loaded = await seedDemoIfEmpty(db, { users: !config.isProduction, pii });
    console.log(loaded ? 'Demo park loaded.' : 'A park already exists: nothing loaded.');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
