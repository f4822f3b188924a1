import { dropRole } from '../../src/database/roles';
import type { ScratchServer } from '../../src/database/scratch-server';
import { adminQuery } from '../../src/database/scratch-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __PG_SERVER__?: ScratchServer }).__PG_SERVER__;
  if (!server) return;
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${process.env.E2E_TEMPLATE} WITH (FORCE)`).catch(
    () => undefined,
  );
  // Best effort: a role still owning a database that a failed test left behind stays.
  for (const url of [process.env.E2E_APP_URL, process.env.E2E_OWNER_URL]) {
    if (url) await dropRole(server.adminUrl, decodeURIComponent(new URL(url).username));
  }
  await server.stop();
}
