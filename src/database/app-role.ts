/**
 * The rights of the app role: the role the app serves requests with (DATABASE_URL), apart from the owner that runs
 * migrations (DATABASE_MIGRATION_URL). The app role gets SELECT/INSERT/UPDATE/DELETE on every table of the schema
 * and the use of its sequences, and nothing else: no TRUNCATE, no ownership (so no ALTER TABLE, no DISABLE TRIGGER),
 * only SELECT on the migrations table. Append-only tables (those guarded by an `…append_only` trigger function, like
 * audit_log) keep only SELECT and INSERT.
 *
 * Who the app role is comes from the session setting below, which the migration runner sets from DATABASE_URL's
 * user (see migrate.ts): no role name is written into the database schema, so a server's own role names work.
 * When the setting is empty, or names the migration role itself (one role for both), nothing is granted.
 *
 * Later migrations need nothing: default privileges cover tables and sequences the owner creates, and the runner
 * applies these grants again after every migration run. A new append-only table only needs its trigger:
 * `CREATE TRIGGER x_append_only BEFORE UPDATE OR DELETE ON x FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.
 */
export const APP_ROLE_SETTING = 'shifosi.app_role';

/** Idempotent; run by the GrantAppRole migration and after each migration run. */
export const GRANT_APP_ROLE_SQL = `DO $grant$
DECLARE
  app text := nullif(current_setting('${APP_ROLE_SETTING}', true), '');
  t record;
BEGIN
  IF app IS NULL OR app = current_user THEN
    RETURN;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
  EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM %I', app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I', app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
  FOR t IN
    SELECT DISTINCT c.relname
    FROM pg_trigger tg
    JOIN pg_class c ON c.oid = tg.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_proc p ON p.oid = tg.tgfoid
    WHERE n.nspname = 'public' AND NOT tg.tgisinternal AND p.proname LIKE '%append\\_only'
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE ON public.%I FROM %I', t.relname, app);
  END LOOP;
  IF to_regclass('public.migrations') IS NOT NULL THEN
    -- Readable (the readiness check compares it with the code's migrations), never written by the app.
    EXECUTE format('REVOKE ALL ON public.migrations FROM %I', app);
    EXECUTE format('GRANT SELECT ON public.migrations TO %I', app);
  END IF;
END
$grant$`;

/** libpq `options` value that sets the app role for a migration connection (spaces and backslashes escaped). */
export function appRoleOption(appRole: string): string {
  return `-c ${APP_ROLE_SETTING}=${appRole.replace(/[\\\s]/g, (c) => `\\${c}`)}`;
}
