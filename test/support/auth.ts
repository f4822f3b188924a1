import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { Role } from '../../src/modules/access/access.enums';
import { Authenticator } from '../../src/modules/access/authenticator';
import { hashPassword } from '../../src/modules/access/passwords';
import { globalId } from './ids';

let counter = 0;
let cachedHash: string | undefined;
export const TEST_PASSWORD = 'test-password-123';

/**
 * Creates a user straight in the database (as an operator's CLI would) and returns a bearer token for it.
 * `parks` are park codes; omitted means all parks. `id` is the user's global id, as the API answers it (TestApp.sql
 * and ownerQuery take it as a parameter too).
 */
export async function createUserWithToken(
  app: NestFastifyApplication,
  dataSource: DataSource,
  options: { roles: Role[]; parks?: string[]; username?: string },
): Promise<{ id: string; username: string; token: string; authorization: string }> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const username = options.username ?? `user${++counter}-${options.roles.join('-').toLowerCase()}`;
  const [user] = await dataSource.query<{ id: string; token_version: number }[]>(
    `INSERT INTO app_user (username, display_name, password_hash, roles, all_parks)
     VALUES ($1, $1, $2, $3::role[], $4) RETURNING id, token_version`,
    [username, cachedHash, options.roles, options.parks === undefined],
  );
  if (options.parks?.length) {
    await dataSource.query(
      'INSERT INTO app_user_park (user_id, park_id) SELECT $1, id FROM park WHERE code = ANY($2)',
      [user!.id, options.parks],
    );
  }
  const { token } = app.get(Authenticator).issue(user!.id, user!.token_version);
  return { id: globalId('User', user!.id), username, token, authorization: `Bearer ${token}` };
}
