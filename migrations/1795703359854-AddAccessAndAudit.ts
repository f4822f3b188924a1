import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccessAndAudit1795703359854 implements MigrationInterface {
  name = 'AddAccessAndAudit1795703359854';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."enterprise_credit_code_key"`);
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('ADMIN', 'LEASING', 'RECRUITER', 'ANALYST')`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "username" character varying(64) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" text NOT NULL, "roles" "public"."role" array NOT NULL, "all_parks" boolean NOT NULL DEFAULT false, "token_version" integer NOT NULL DEFAULT '1', "disabled_at" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "demo" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"  ("username") `);
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "prefix" character varying(32) NOT NULL, "secret_hash" character(64) NOT NULL, "all_parks" boolean NOT NULL DEFAULT false, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "api_key_prefix_key" ON "api_key"  ("prefix") `);
    await queryRunner.query(`CREATE TYPE "public"."actor_kind" AS ENUM('USER', 'API_KEY', 'SYSTEM')`);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" "public"."actor_kind" NOT NULL, "actor_id" uuid, "actor_name" character varying(200) NOT NULL, "operation" character varying(100) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(100) NOT NULL, "park_id" uuid, "changes" jsonb NOT NULL, "request_id" character varying(100), "reason" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    // The audit trail is append-only, whatever the client: no UPDATE, DELETE or TRUNCATE.
    await queryRunner.query(
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(`CREATE INDEX "audit_log_park_id_idx" ON "audit_log"  ("park_id") `);
    await queryRunner.query(`CREATE INDEX "audit_log_occurred_at_idx" ON "audit_log"  ("occurred_at") `);
    await queryRunner.query(
      `CREATE INDEX "audit_log_entity_idx" ON "audit_log"  ("entity_type", "entity_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "login_failure" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "username" character varying(64) NOT NULL, "ip" character varying(64) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "login_failure_ip_idx" ON "login_failure"  ("ip", "occurred_at") `);
    await queryRunner.query(
      `CREATE INDEX "login_failure_username_idx" ON "login_failure"  ("username", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user_park" ("user_id" uuid NOT NULL, "park_id" uuid NOT NULL, CONSTRAINT "PK_20eabe1eb20392c8fd95d5d792b" PRIMARY KEY ("user_id", "park_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "app_user_park_park_id_idx" ON "app_user_park"  ("park_id") `);
    await queryRunner.query(
      `CREATE TABLE "api_key_park" ("api_key_id" uuid NOT NULL, "park_id" uuid NOT NULL, CONSTRAINT "PK_1dbb4a9f42b64f33afa9f1ca44a" PRIMARY KEY ("api_key_id", "park_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "api_key_park_park_id_idx" ON "api_key_park"  ("park_id") `);
    // Existing enterprises join the register of the park of their first tenancy (else the oldest park).
    await queryRunner.query(`ALTER TABLE "enterprise" ADD "park_id" uuid`);
    await queryRunner.query(
      `UPDATE enterprise e SET park_id = COALESCE(
         (SELECT u.park_id FROM tenancy t JOIN unit u ON u.id = t.unit_id WHERE t.enterprise_id = e.id
          ORDER BY t.starts_on LIMIT 1),
         (SELECT id FROM park ORDER BY created_at LIMIT 1))`,
    );
    await queryRunner.query(`ALTER TABLE "enterprise" ALTER COLUMN "park_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "enterprise_park_id_credit_code_key" ON "enterprise"  ("park_id", "credit_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user_park" ADD CONSTRAINT "app_user_park_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user_park" ADD CONSTRAINT "app_user_park_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key_park" ADD CONSTRAINT "api_key_park_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_key"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_key_park" ADD CONSTRAINT "api_key_park_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enterprise" DROP CONSTRAINT "enterprise_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "api_key_park" DROP CONSTRAINT "api_key_park_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "api_key_park" DROP CONSTRAINT "api_key_park_api_key_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "app_user_park" DROP CONSTRAINT "app_user_park_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "app_user_park" DROP CONSTRAINT "app_user_park_user_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "api_key_created_by_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."enterprise_park_id_credit_code_key"`);
    await queryRunner.query(`ALTER TABLE "enterprise" DROP COLUMN "park_id"`);
    await queryRunner.query(`DROP INDEX "public"."api_key_park_park_id_idx"`);
    await queryRunner.query(`DROP TABLE "api_key_park"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_park_park_id_idx"`);
    await queryRunner.query(`DROP TABLE "app_user_park"`);
    await queryRunner.query(`DROP INDEX "public"."login_failure_username_idx"`);
    await queryRunner.query(`DROP INDEX "public"."login_failure_ip_idx"`);
    await queryRunner.query(`DROP TABLE "login_failure"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_occurred_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_park_id_idx"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_change ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP TYPE "public"."actor_kind"`);
    await queryRunner.query(`DROP INDEX "public"."api_key_prefix_key"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_username_key"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "enterprise_credit_code_key" ON "enterprise" USING btree ("credit_code") `,
    );
  }
}
