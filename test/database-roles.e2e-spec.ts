import { Client } from 'pg';
import { migrateDatabase, roleFacts } from '../src/database/migrate';
import { withDatabaseName } from '../src/database/scratch-server';
import { dataOf, factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Least privilege (issue 7, section 4): the app serves requests as a role that is no superuser, owns nothing and
 * holds only the rights app-role.ts grants, so the append-only audit trail holds even against the app itself.
 */
describe('database roles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Runs `sql` on one connection of the app role (like the app's own pool), in a transaction rolled back after. */
  async function asApp(sql: string): Promise<unknown> {
    const client = new Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      return await client.query(sql);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }

  it('serves requests as a role that is no superuser and owns no table', async () => {
    const facts = await roleFacts(t.url);
    expect(facts).toEqual({ name: expect.stringMatching(/^e2e_app_/), superuser: false, ownedTables: 0 });
    const [{ user }] = await t.sql<{ user: string }[]>('SELECT current_user AS "user"');
    expect(user).toBe(facts.name);
    const owner = await roleFacts(t.ownerUrl);
    expect(owner.name).not.toBe(facts.name);
    expect(owner.ownedTables).toBeGreaterThan(5);
  });

  it('cannot switch the triggers off: session_replication_role, DISABLE TRIGGER', async () => {
    await expect(asApp('SET session_replication_role = replica')).rejects.toThrow(
      /permission denied to set parameter "session_replication_role"/,
    );
    await expect(asApp('SET LOCAL session_replication_role = replica')).rejects.toThrow(/permission denied/);
    for (const trigger of ['audit_log_no_change', 'audit_log_no_truncate', 'ALL', 'USER']) {
      await expect(asApp(`ALTER TABLE audit_log DISABLE TRIGGER ${trigger}`)).rejects.toThrow(
        /must be owner of table audit_log/,
      );
    }
    await expect(asApp('DROP TRIGGER audit_log_no_change ON audit_log')).rejects.toThrow(/must be owner/);
    await expect(asApp('ALTER TABLE audit_log OWNER TO CURRENT_USER')).rejects.toThrow(/must be owner/);
  });

  it('cannot change or empty audit_log: TRUNCATE, UPDATE, DELETE', async () => {
    await expect(asApp('TRUNCATE audit_log')).rejects.toThrow(/permission denied for table audit_log/);
    await expect(asApp("UPDATE audit_log SET reason = 'x'")).rejects.toThrow(
      /permission denied for table audit_log/,
    );
    await expect(asApp('DELETE FROM audit_log')).rejects.toThrow(/permission denied for table audit_log/);
  });

  it('cannot truncate any table, write the migrations table, or create objects in the schema', async () => {
    const tables = await t.ownerQuery<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const { name } of tables) {
      await expect(asApp(`TRUNCATE "${name}" CASCADE`)).rejects.toThrow(/permission denied/);
    }
    // The readiness check reads which migrations ran; writing them is the owner's.
    await expect(asApp('SELECT count(*) FROM migrations')).resolves.toBeDefined();
    for (const sql of [
      "INSERT INTO migrations (timestamp, name) VALUES (1, 'x')",
      'DELETE FROM migrations',
    ]) {
      await expect(asApp(sql)).rejects.toThrow(/permission denied for table migrations/);
    }
    await expect(asApp('CREATE TABLE sneaky (id int)')).rejects.toThrow(
      /permission denied for schema public/,
    );
  });

  it('still writes and reads through the API, and its audit entries land', async () => {
    // Readiness reads the migrations table as the app role.
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    const f = factories(t);
    const park = await f.park('roles-park');
    const zone = await f.zone(park.code, 'roles-zone');
    const [{ n }] = await t.sql<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1`,
      [zone.id],
    );
    expect(n).toBe(1);
    const read = dataOf(
      await t.gql<{ park: { zones: { code: string }[] } }>(
        'query($c: String!) { park(code: $c) { zones { code } } }',
        {
          c: park.code,
        },
      ),
    );
    expect(read.park.zones.map((z) => z.code)).toEqual(['roles-zone']);
  });

  it("covers a later migration's tables: DML by default privileges, append-only kept by the trigger", async () => {
    // What a later module's migration would do, as the owner.
    await t.ownerQuery(`CREATE TABLE later_note (id serial PRIMARY KEY, body text NOT NULL)`);
    await t.ownerQuery(
      `CREATE TABLE later_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text)`,
    );
    await t.ownerQuery(
      `CREATE TRIGGER later_log_no_change BEFORE UPDATE OR DELETE ON later_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    // Default privileges: usable at once, with no grant in the migration.
    await t.sql(`INSERT INTO later_note (body) VALUES ('a'), ('b')`);
    await t.sql(`UPDATE later_note SET body = 'c' WHERE body = 'a'`);
    await t.sql(`DELETE FROM later_note WHERE body = 'b'`);
    expect(await t.sql(`SELECT body FROM later_note`)).toEqual([{ body: 'c' }]);
    await expect(asApp('TRUNCATE later_note')).rejects.toThrow(/permission denied/);

    // The migration runner re-applies the grants after every run: the new append-only table keeps SELECT/INSERT.
    await migrateDatabase(
      { url: t.url, migrationUrl: t.ownerUrl },
      { log: () => undefined, warn: () => undefined },
    );
    await t.sql(`INSERT INTO later_log (body) VALUES ('kept')`);
    expect(await t.sql(`SELECT body FROM later_log`)).toEqual([{ body: 'kept' }]);
    await expect(asApp(`UPDATE later_log SET body = 'x'`)).rejects.toThrow(
      /permission denied for table later_log/,
    );
    await expect(asApp(`DELETE FROM later_log`)).rejects.toThrow(/permission denied for table later_log/);
    await t.sql(`INSERT INTO later_note (body) VALUES ('d')`);
    await t.ownerQuery('DROP TABLE later_note, later_log');
  });

  it('warns when the app role owns the tables or is a superuser, and not otherwise', async () => {
    const warnings: string[] = [];
    const logger = { log: () => undefined, warn: (message: string) => void warnings.push(message) };
    await migrateDatabase({ url: t.url, migrationUrl: t.ownerUrl }, logger);
    expect(warnings).toEqual([]);

    await migrateDatabase({ url: t.ownerUrl, migrationUrl: t.ownerUrl }, logger);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^The app connects to PostgreSQL as "e2e_owner_\d+", which owns \d+ table\(s\)/,
    );
    expect(warnings[0]).toContain('DATABASE_MIGRATION_URL');

    const superuser = withDatabaseName(process.env.E2E_ADMIN_URL!, new URL(t.url).pathname.slice(1));
    await migrateDatabase({ url: superuser, migrationUrl: t.ownerUrl }, logger);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/which is a superuser/);
  });
});
