import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTalentPipeline1795761033679 implements MigrationInterface {
  name = 'AddTalentPipeline1795761033679';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."gender" AS ENUM('FEMALE', 'MALE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."home_region" AS ENUM('DAZU', 'ANYUE', 'SICHUAN_CHONGQING_OTHER', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "trainee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "name" character varying(100) COLLATE "zh_pinyin" NOT NULL, "gender" "public"."gender", "birth_on" date, "id_number_cipher" bytea, "id_number_hash" bytea, "id_number_last4" character(4), "phone" character varying(30), "home_region" "public"."home_region", "erased_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "trainee_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "trainee_erased_has_no_personal_data" CHECK ("erased_at" IS NULL OR ("id_number_cipher" IS NULL AND "phone" IS NULL AND "birth_on" IS NULL)), CONSTRAINT "trainee_id_number_parts" CHECK (("id_number_cipher" IS NULL) = ("id_number_hash" IS NULL) AND ("id_number_hash" IS NULL) = ("id_number_last4" IS NULL)), CONSTRAINT "PK_7bb8bcb39effdfc30d4f67e9eb8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "trainee_park_id_name_idx" ON "trainee"  ("park_id", "name") `);
    await queryRunner.query(
      `CREATE INDEX "trainee_park_id_id_number_last4_idx" ON "trainee"  ("park_id", "id_number_last4") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "trainee_park_id_id_number_hash_key" ON "trainee"  ("park_id", "id_number_hash") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."trainee_status" AS ENUM('APPLIED', 'ENROLLED', 'IN_TRAINING', 'IN_PARK', 'GRADUATED', 'PLACED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "trainee_status_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "trainee_id" uuid NOT NULL, "status" "public"."trainee_status" NOT NULL, "effective_on" date NOT NULL, "enterprise_id" uuid, "position" character varying(100), "reason" character varying(500), "recorded_by" character varying(200) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "trainee_status_event_withdrawal" CHECK (("status" = 'WITHDRAWN') = ("reason" IS NOT NULL)), CONSTRAINT "trainee_status_event_placement" CHECK (("status" = 'PLACED') = ("enterprise_id" IS NOT NULL AND "position" IS NOT NULL)), CONSTRAINT "PK_16e1a736f06e4b0517f9863b328" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "trainee_status_event_trainee_id_effective_on_idx" ON "trainee_status_event"  ("trainee_id", "effective_on") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "trainee_status_event_trainee_id_status_key" ON "trainee_status_event"  ("trainee_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."certification_level" AS ENUM('LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1')`,
    );
    await queryRunner.query(
      `CREATE TABLE "certification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "trainee_id" uuid NOT NULL, "occupation" character varying(100) NOT NULL, "level" "public"."certification_level" NOT NULL, "certificate_number" character varying(64), "issuer" character varying(200) NOT NULL, "issued_on" date NOT NULL, "expires_on" date, CONSTRAINT "certification_expiry_after_issue" CHECK ("expires_on" IS NULL OR "expires_on" > "issued_on"), CONSTRAINT "PK_a7364bd3e4a407f67d8165b820c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "certification_trainee_id_idx" ON "certification"  ("trainee_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "certification_issuer_certificate_number_key" ON "certification"  ("issuer", "certificate_number") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."contest_level" AS ENUM('NATIONAL', 'REGIONAL', 'PROVINCIAL', 'MUNICIPAL')`,
    );
    await queryRunner.query(
      `CREATE TABLE "contest" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "name" character varying(200) COLLATE "zh_pinyin" NOT NULL, "level" "public"."contest_level" NOT NULL, "round" character varying(100) NOT NULL, "host" character varying(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, CONSTRAINT "contest_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "contest_dates" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_ba048331bed7d939b857e9c1c63" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contest_park_id_name_round_key" ON "contest"  ("park_id", "name", "round") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contest_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "contest_id" uuid NOT NULL, "trainee_id" uuid NOT NULL, "result" character varying(200), "rank" integer, "award" character varying(200), "recommended" boolean NOT NULL DEFAULT false, CONSTRAINT "contest_entry_rank_positive" CHECK ("rank" IS NULL OR "rank" > 0), CONSTRAINT "PK_ea8993c30494e59d2571989514a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contest_entry_trainee_id_idx" ON "contest_entry"  ("trainee_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contest_entry_contest_id_trainee_id_key" ON "contest_entry"  ("contest_id", "trainee_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "talent_program" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) COLLATE "zh_pinyin" NOT NULL, "name_en" character varying(200), CONSTRAINT "talent_program_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "PK_9e984f16b8c6719e34e471be3cb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "talent_program_park_id_code_key" ON "talent_program"  ("park_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cohort" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "program_id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) COLLATE "zh_pinyin" NOT NULL, "intake_on" date NOT NULL, "planned_size" integer NOT NULL, "zone_id" uuid, CONSTRAINT "cohort_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "cohort_planned_size_positive" CHECK ("planned_size" > 0), CONSTRAINT "PK_4fb3cca38dc4b461110344e5f9b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "cohort_program_id_idx" ON "cohort"  ("program_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "cohort_park_id_code_key" ON "cohort"  ("park_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cohort_trainee" ("cohort_id" uuid NOT NULL, "trainee_id" uuid NOT NULL, "joined_on" date NOT NULL, CONSTRAINT "PK_8b6982d1a89db785d5ba542dc43" PRIMARY KEY ("cohort_id", "trainee_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cohort_trainee_trainee_id_idx" ON "cohort_trainee"  ("trainee_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."target_metric" AS ENUM('TRAINEES_ENROLLED', 'TRAINEES_GRADUATED', 'TRAINEES_PLACED', 'PEOPLE_CERTIFIED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "talent_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "name" character varying(200) COLLATE "zh_pinyin" NOT NULL, "metric" "public"."target_metric" NOT NULL, "program_id" uuid, "value" integer NOT NULL, "starts_on" date NOT NULL, "due_on" date NOT NULL, CONSTRAINT "talent_target_due_after_start" CHECK ("due_on" > "starts_on"), CONSTRAINT "talent_target_value_positive" CHECK ("value" > 0), CONSTRAINT "PK_6d144d1153d33abe6a5a51fe3f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "talent_target_park_id_name_key" ON "talent_target"  ("park_id", "name") `,
    );
    await queryRunner.query(
      `ALTER TABLE "trainee" ADD CONSTRAINT "trainee_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trainee_status_event" ADD CONSTRAINT "trainee_status_event_trainee_id_fkey" FOREIGN KEY ("trainee_id") REFERENCES "trainee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trainee_status_event" ADD CONSTRAINT "trainee_status_event_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification" ADD CONSTRAINT "certification_trainee_id_park_id_fkey" FOREIGN KEY ("trainee_id", "park_id") REFERENCES "trainee"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contest" ADD CONSTRAINT "contest_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contest_entry" ADD CONSTRAINT "contest_entry_contest_id_park_id_fkey" FOREIGN KEY ("contest_id", "park_id") REFERENCES "contest"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contest_entry" ADD CONSTRAINT "contest_entry_trainee_id_park_id_fkey" FOREIGN KEY ("trainee_id", "park_id") REFERENCES "trainee"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talent_program" ADD CONSTRAINT "talent_program_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort" ADD CONSTRAINT "cohort_program_id_park_id_fkey" FOREIGN KEY ("program_id", "park_id") REFERENCES "talent_program"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort" ADD CONSTRAINT "cohort_zone_id_park_id_fkey" FOREIGN KEY ("zone_id", "park_id") REFERENCES "zone"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_trainee" ADD CONSTRAINT "cohort_trainee_cohort_id_fkey" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_trainee" ADD CONSTRAINT "cohort_trainee_trainee_id_fkey" FOREIGN KEY ("trainee_id") REFERENCES "trainee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talent_target" ADD CONSTRAINT "talent_target_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talent_target" ADD CONSTRAINT "talent_target_program_id_park_id_fkey" FOREIGN KEY ("program_id", "park_id") REFERENCES "talent_program"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "talent_target" DROP CONSTRAINT "talent_target_program_id_park_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "talent_target" DROP CONSTRAINT "talent_target_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cohort_trainee" DROP CONSTRAINT "cohort_trainee_trainee_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cohort_trainee" DROP CONSTRAINT "cohort_trainee_cohort_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "cohort_zone_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "cohort_program_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "talent_program" DROP CONSTRAINT "talent_program_park_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "contest_entry" DROP CONSTRAINT "contest_entry_trainee_id_park_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contest_entry" DROP CONSTRAINT "contest_entry_contest_id_park_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "contest" DROP CONSTRAINT "contest_park_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "certification" DROP CONSTRAINT "certification_trainee_id_park_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "trainee_status_event" DROP CONSTRAINT "trainee_status_event_enterprise_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "trainee_status_event" DROP CONSTRAINT "trainee_status_event_trainee_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "trainee" DROP CONSTRAINT "trainee_park_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."talent_target_park_id_name_key"`);
    await queryRunner.query(`DROP TABLE "talent_target"`);
    await queryRunner.query(`DROP TYPE "public"."target_metric"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_trainee_trainee_id_idx"`);
    await queryRunner.query(`DROP TABLE "cohort_trainee"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_park_id_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."cohort_program_id_idx"`);
    await queryRunner.query(`DROP TABLE "cohort"`);
    await queryRunner.query(`DROP INDEX "public"."talent_program_park_id_code_key"`);
    await queryRunner.query(`DROP TABLE "talent_program"`);
    await queryRunner.query(`DROP INDEX "public"."contest_entry_contest_id_trainee_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."contest_entry_trainee_id_idx"`);
    await queryRunner.query(`DROP TABLE "contest_entry"`);
    await queryRunner.query(`DROP INDEX "public"."contest_park_id_name_round_key"`);
    await queryRunner.query(`DROP TABLE "contest"`);
    await queryRunner.query(`DROP TYPE "public"."contest_level"`);
    await queryRunner.query(`DROP INDEX "public"."certification_issuer_certificate_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."certification_trainee_id_idx"`);
    await queryRunner.query(`DROP TABLE "certification"`);
    await queryRunner.query(`DROP TYPE "public"."certification_level"`);
    await queryRunner.query(`DROP INDEX "public"."trainee_status_event_trainee_id_status_key"`);
    await queryRunner.query(`DROP INDEX "public"."trainee_status_event_trainee_id_effective_on_idx"`);
    await queryRunner.query(`DROP TABLE "trainee_status_event"`);
    await queryRunner.query(`DROP TYPE "public"."trainee_status"`);
    await queryRunner.query(`DROP INDEX "public"."trainee_park_id_id_number_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."trainee_park_id_id_number_last4_idx"`);
    await queryRunner.query(`DROP INDEX "public"."trainee_park_id_name_idx"`);
    await queryRunner.query(`DROP TABLE "trainee"`);
    await queryRunner.query(`DROP TYPE "public"."home_region"`);
    await queryRunner.query(`DROP TYPE "public"."gender"`);
  }
}
