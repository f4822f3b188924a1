import 'reflect-metadata';
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { inTransaction } from '../src/database/transaction';
import { withDatabase } from '../src/database/with-database';
import { Role } from '../src/modules/access/access.enums';
import { writeAudit } from '../src/modules/access/audit';
import { hashPassword } from '../src/modules/access/passwords';
import { systemActor } from '../src/modules/access/principal';

const USAGE = `Usage:
  npm run user:create -- --username NAME --role ADMIN [--role LEASING …] [--park CODE …] [--display-name TEXT]
      Creates a user. Without --park the user acts in every park. The password is read from USER_PASSWORD,
      or asked for on the terminal.
  npm run user -- remove-demo
      Deletes the demo accounts (admin, leasing, recruiter, analyst with the published password).`;

async function askPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (!process.stdin.isTTY)
    throw new Error('Set USER_PASSWORD, or run on a terminal to be asked for the password');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(q);
      muted._writeToOutput = () => undefined;
      rl.question('', (answer) => {
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Repeat password: ');
  rl.close();
  if (first !== second) throw new Error('The passwords differ');
  return first;
}

async function createUser(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      role: { type: 'string', multiple: true },
      park: { type: 'string', multiple: true },
      'display-name': { type: 'string' },
    },
  });
  const username = values.username?.toLowerCase();
  const roles = values.role ?? [];
  if (!username || !/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username))
    throw new Error('--username: 2–64 lower-case letters, digits, ".", "_" or "-"');
  if (roles.length === 0 || roles.some((r) => !(r in Role)))
    throw new Error(`--role: one or more of ${Object.values(Role).join(', ')}`);
  const password = await askPassword();
  if (password.length < 10 || password.length > 200)
    throw new Error('The password must be 10 to 200 characters');
  await withDatabase(async (db) =>
    inTransaction(db, async (m) => {
      const parks = values.park ?? [];
      const found = await m.query<{ id: string; code: string }[]>(
        'SELECT id, code FROM park WHERE code = ANY($1)',
        [parks],
      );
      const missing = parks.filter((p) => !found.some((f) => f.code === p));
      if (missing.length) throw new Error(`--park: no park ${missing.join(', ')}`);
      const [user] = await m.query<{ id: string }[]>(
        `INSERT INTO app_user (username, display_name, password_hash, roles, all_parks)
         VALUES ($1, $2, $3, $4::role[], $5) RETURNING id`,
        [
          username,
          values['display-name'] ?? username,
          await hashPassword(password),
          roles,
          parks.length === 0,
        ],
      );
      if (found.length) {
        await m.query('INSERT INTO app_user_park (user_id, park_id) SELECT $1, unnest($2::uuid[])', [
          user.id,
          found.map((f) => f.id),
        ]);
      }
      await writeAudit(m, systemActor('user:create'), [
        {
          entityType: 'User',
          entityId: user.id,
          parkId: null,
          before: null,
          after: { username, roles, parks },
        },
      ]);
      console.log(
        `Created ${username} (${roles.join(', ')}) in ${parks.length ? parks.join(', ') : 'every park'}`,
      );
    }),
  );
}

async function removeDemo(): Promise<void> {
  await withDatabase(async (db) =>
    inTransaction(db, async (m) => {
      const [removed] = await m.query<[{ id: string; username: string }[], number]>(
        `DELETE FROM app_user WHERE demo AND NOT EXISTS (SELECT 1 FROM api_key k WHERE k.created_by_id = app_user.id)
         RETURNING id, username`,
      );
      const [left] = await m.query<[{ username: string }[], number]>(
        'UPDATE app_user SET disabled_at = now(), token_version = token_version + 1 WHERE demo RETURNING username',
      );
      await writeAudit(
        m,
        systemActor('user:remove-demo'),
        removed.map((u) => ({
          entityType: 'User',
          entityId: u.id,
          parkId: null,
          before: { username: u.username },
          after: null,
        })),
      );
      console.log(
        `Removed demo users: ${
          removed
            .map((u) => u.username)
            .sort()
            .join(', ') || 'none'
        }`,
      );
      if (left.length)
        console.log(
          `Disabled (they created API keys, so they are kept): ${left.map((u) => u.username).join(', ')}`,
        );
    }),
  );
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'create') return createUser(rest);
  if (command === 'remove-demo') return removeDemo();
  console.log(USAGE);
  process.exitCode = command ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
