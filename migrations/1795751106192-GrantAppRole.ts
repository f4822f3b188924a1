import { MigrationInterface, QueryRunner } from 'typeorm';
import { GRANT_APP_ROLE_SQL } from '../src/database/app-role';

/**
 * Least privilege: the app role (DATABASE_URL's user, passed by the migration runner) gets DML on the tables, only
 * SELECT/INSERT on audit_log, and default privileges for the tables later migrations create. See app-role.ts.
 */
export class GrantAppRole1795751106192 implements MigrationInterface {
  name = 'GrantAppRole1795751106192';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(GRANT_APP_ROLE_SQL);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $revoke$
DECLARE app text := nullif(current_setting('shifosi.app_role', true), '');
BEGIN
  IF app IS NULL OR app = current_user THEN RETURN; END IF;
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM %I', app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM %I', app);
  EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', app);
  EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', app);
END
$revoke$`);
  }
}
