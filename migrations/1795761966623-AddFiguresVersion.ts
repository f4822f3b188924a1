import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version per park for cached figures (figures-version.entity.ts). A deferred row trigger on unit and tenancy raises
 * the park's version once per transaction, at commit: the new version becomes visible together with the data, and
 * its row lock is taken after every other lock of the transaction (no new deadlock orders; held only until commit).
 * A transaction-local setting remembers which parks it has raised, so a bulk insert raises each park once.
 */
export class AddFiguresVersion1795761966623 implements MigrationInterface {
  name = 'AddFiguresVersion1795761966623';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "figures_version" ("park_id" uuid NOT NULL, "version" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_86b225e6f2e6faa5336b735d2df" PRIMARY KEY ("park_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "figures_version" ADD CONSTRAINT "FK_86b225e6f2e6faa5336b735d2df" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parks uuid[];
        p uuid;
        flag text;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          UPDATE figures_version SET version = version + 1;
          RETURN NULL;
        ELSIF TG_OP = 'DELETE' THEN
          parks := ARRAY[OLD.park_id];
        ELSIF TG_OP = 'UPDATE' AND OLD.park_id IS DISTINCT FROM NEW.park_id THEN
          parks := ARRAY[OLD.park_id, NEW.park_id];
        ELSE
          parks := ARRAY[NEW.park_id];
        END IF;
        FOREACH p IN ARRAY parks LOOP
          flag := 'shifosi.figures_changed_' || replace(p::text, '-', '');
          IF current_setting(flag, true) IS DISTINCT FROM 'y' THEN
            PERFORM set_config(flag, 'y', true);
            INSERT INTO figures_version AS f (park_id, version) VALUES (p, 1)
            ON CONFLICT (park_id) DO UPDATE SET version = f.version + 1;
          END IF;
        END LOOP;
        RETURN NULL;
      END
      $$`);
    for (const table of ['unit', 'tenancy']) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER ${table}_figures_changed AFTER INSERT OR UPDATE OR DELETE ON ${table}
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figures_changed()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_figures_truncated AFTER TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION figures_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['unit', 'tenancy']) {
      await queryRunner.query(`DROP TRIGGER ${table}_figures_truncated ON ${table}`);
      await queryRunner.query(`DROP TRIGGER ${table}_figures_changed ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION figures_changed()`);
    await queryRunner.query(`ALTER TABLE "figures_version" DROP CONSTRAINT "FK_86b225e6f2e6faa5336b735d2df"`);
    await queryRunner.query(`DROP TABLE "figures_version"`);
  }
}
