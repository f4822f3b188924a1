import type { ScratchServer } from '../../src/database/scratch-server';
import { adminQuery } from '../../src/database/scratch-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __PG_SERVER__?: ScratchServer }).__PG_SERVER__;
  if (!server) return;
  await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${process.env.E2E_TEMPLATE} WITH (FORCE)`).catch(
    () => undefined,
  );
  await server.stop();
}
