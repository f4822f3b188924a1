import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Loads the demo park once on an empty database. */
export async function seedDemoIfEmpty(_app: NestFastifyApplication): Promise<boolean> {
  return false;
}
