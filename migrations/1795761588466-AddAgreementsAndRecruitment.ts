import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAgreementsAndRecruitment1795761588466 implements MigrationInterface {
  name = 'AddAgreementsAndRecruitment1795761588466';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."agreement_kind" AS ENUM('CO_BUILT_COLLEGE', 'TEACHING_TRAINING_BASE', 'INDUSTRY_EDUCATION_BASE', 'RESEARCH_CENTRE', 'PARK_CO_CONSTRUCTION', 'STRATEGIC_COOPERATION', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "kind" "public"."agreement_kind" NOT NULL, "signed_on" date, "starts_on" date NOT NULL, "ends_on" date, "terminated_on" date, "termination_reason" text, "renews_id" uuid, CONSTRAINT "agreement_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "agreement_not_own_renewal" CHECK ("renews_id" IS DISTINCT FROM "id"), CONSTRAINT "agreement_termination" CHECK (("terminated_on" IS NULL) = ("termination_reason" IS NULL) AND ("terminated_on" IS NULL OR "signed_on" IS NOT NULL)), CONSTRAINT "agreement_term_order" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"), CONSTRAINT "PK_e7537188219eeef56233a609753" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "agreement_renews_id_key" ON "agreement"  ("renews_id") `);
    await queryRunner.query(
      `CREATE INDEX "agreement_park_id_ends_on_idx" ON "agreement"  ("park_id", "ends_on") `,
    );
    await queryRunner.query(`CREATE INDEX "agreement_park_id_kind_idx" ON "agreement"  ("park_id", "kind") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_party" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "park_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "institution_id" uuid, "enterprise_id" uuid, CONSTRAINT "agreement_party_one_of" CHECK (num_nonnulls("institution_id", "enterprise_id") = 1), CONSTRAINT "PK_cae1b7353a913e2f9a7188d3294" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "agreement_party_enterprise_id_idx" ON "agreement_party"  ("enterprise_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "agreement_party_institution_id_idx" ON "agreement_party"  ("institution_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "agreement_party_agreement_id_enterprise_id_key" ON "agreement_party"  ("agreement_id", "enterprise_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "agreement_party_agreement_id_institution_id_key" ON "agreement_party"  ("agreement_id", "institution_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."obligation_metric" AS ENUM('MANUAL', 'LEADS_CONVERTED', 'ENTERPRISES_OPENED', 'EVENTS_HELD', 'TRAINEES_ENROLLED', 'TRAINEES_PLACED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "obligation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "agreement_id" uuid NOT NULL, "description" text NOT NULL, "metric" "public"."obligation_metric" NOT NULL DEFAULT 'MANUAL', "target" numeric(12,2), "due_on" date, "manual_progress" numeric(12,2), CONSTRAINT "obligation_manual_progress" CHECK ("manual_progress" IS NULL OR ("metric" = 'MANUAL' AND "manual_progress" >= 0)), CONSTRAINT "obligation_target_positive" CHECK ("target" IS NULL OR "target" > 0), CONSTRAINT "PK_3a70be17386980c9fec1df4d25d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "obligation_agreement_id_idx" ON "obligation"  ("agreement_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."recruitment_event_kind" AS ENUM('MARKET_VISIT', 'FORUM', 'EXPO', 'GATHERING', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "recruitment_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "kind" "public"."recruitment_event_kind" NOT NULL, "title" character varying(300) NOT NULL, "held_on" date NOT NULL, "place" character varying(200), "organiser" character varying(200), "attendance" integer, CONSTRAINT "recruitment_event_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "recruitment_event_attendance_non_negative" CHECK ("attendance" IS NULL OR "attendance" >= 0), CONSTRAINT "PK_debb04464b830c04458e9e17df0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "recruitment_event_park_id_held_on_idx" ON "recruitment_event"  ("park_id", "held_on") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."lead_stage" AS ENUM('NEW', 'CONTACTED', 'NEGOTIATING', 'SIGNED', 'CONVERTED', 'LOST')`,
    );
    await queryRunner.query(
      `CREATE TABLE "lead" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "name" character varying(200) COLLATE "zh_pinyin" NOT NULL, "credit_code" character(18), "industry" "public"."industry" NOT NULL, "origin_province" "public"."province", "origin_city" character varying(100), "contact_name" character varying(100), "contact_phone" character varying(30), "owner_id" uuid, "stage" "public"."lead_stage" NOT NULL DEFAULT 'NEW', "created_on" date NOT NULL, "stage_on" date NOT NULL, "lost_reason" text, "next_follow_up_on" date, "enterprise_id" uuid, "converted_on" date, CONSTRAINT "lead_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "lead_credit_code_format" CHECK ("credit_code" IS NULL OR "credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'), CONSTRAINT "lead_converted" CHECK (("stage" = 'CONVERTED') = ("enterprise_id" IS NOT NULL AND "converted_on" IS NOT NULL)), CONSTRAINT "lead_lost_reason" CHECK (("stage" = 'LOST') = ("lost_reason" IS NOT NULL)), CONSTRAINT "PK_ca96c1888f7dcfccab72b72fffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "lead_enterprise_id_idx" ON "lead"  ("enterprise_id") `);
    await queryRunner.query(
      `CREATE INDEX "lead_owner_id_next_follow_up_on_idx" ON "lead"  ("owner_id", "next_follow_up_on") `,
    );
    await queryRunner.query(`CREATE INDEX "lead_park_id_stage_idx" ON "lead"  ("park_id", "stage") `);
    await queryRunner.query(
      `CREATE TABLE "lead_event" ("lead_id" uuid NOT NULL, "event_id" uuid NOT NULL, "park_id" uuid NOT NULL, CONSTRAINT "PK_b2cfc59884a08b5aea2b363adf8" PRIMARY KEY ("lead_id", "event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "lead_event_event_id_idx" ON "lead_event"  ("event_id") `);
    await queryRunner.query(
      `CREATE TABLE "lead_stage_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lead_id" uuid NOT NULL, "stage" "public"."lead_stage" NOT NULL, "effective_on" date NOT NULL, "note" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_79d0403eff6192ee2e067bcd8a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "lead_stage_event_lead_id_stage_key" ON "lead_stage_event"  ("lead_id", "stage") `,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_renews_id_park_id_fkey" FOREIGN KEY ("renews_id", "park_id") REFERENCES "agreement"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_agreement_id_park_id_fkey" FOREIGN KEY ("agreement_id", "park_id") REFERENCES "agreement"("id","park_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_institution_id_park_id_fkey" FOREIGN KEY ("institution_id", "park_id") REFERENCES "institution"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_enterprise_id_park_id_fkey" FOREIGN KEY ("enterprise_id", "park_id") REFERENCES "enterprise"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "obligation" ADD CONSTRAINT "obligation_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recruitment_event" ADD CONSTRAINT "recruitment_event_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "lead_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "lead_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead" ADD CONSTRAINT "lead_enterprise_id_park_id_fkey" FOREIGN KEY ("enterprise_id", "park_id") REFERENCES "enterprise"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_event" ADD CONSTRAINT "lead_event_lead_id_park_id_fkey" FOREIGN KEY ("lead_id", "park_id") REFERENCES "lead"("id","park_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_event" ADD CONSTRAINT "lead_event_event_id_park_id_fkey" FOREIGN KEY ("event_id", "park_id") REFERENCES "recruitment_event"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lead_stage_event" ADD CONSTRAINT "lead_stage_event_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "lead"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead_stage_event" DROP CONSTRAINT "lead_stage_event_lead_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "lead_event" DROP CONSTRAINT "lead_event_event_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "lead_event" DROP CONSTRAINT "lead_event_lead_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "lead_enterprise_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "lead_owner_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "lead" DROP CONSTRAINT "lead_park_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "recruitment_event" DROP CONSTRAINT "recruitment_event_park_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "obligation" DROP CONSTRAINT "obligation_agreement_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "agreement_party" DROP CONSTRAINT "agreement_party_enterprise_id_park_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" DROP CONSTRAINT "agreement_party_institution_id_park_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_party" DROP CONSTRAINT "agreement_party_agreement_id_park_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_renews_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_park_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."lead_stage_event_lead_id_stage_key"`);
    await queryRunner.query(`DROP TABLE "lead_stage_event"`);
    await queryRunner.query(`DROP INDEX "public"."lead_event_event_id_idx"`);
    await queryRunner.query(`DROP TABLE "lead_event"`);
    await queryRunner.query(`DROP INDEX "public"."lead_park_id_stage_idx"`);
    await queryRunner.query(`DROP INDEX "public"."lead_owner_id_next_follow_up_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."lead_enterprise_id_idx"`);
    await queryRunner.query(`DROP TABLE "lead"`);
    await queryRunner.query(`DROP TYPE "public"."lead_stage"`);
    await queryRunner.query(`DROP INDEX "public"."recruitment_event_park_id_held_on_idx"`);
    await queryRunner.query(`DROP TABLE "recruitment_event"`);
    await queryRunner.query(`DROP TYPE "public"."recruitment_event_kind"`);
    await queryRunner.query(`DROP INDEX "public"."obligation_agreement_id_idx"`);
    await queryRunner.query(`DROP TABLE "obligation"`);
    await queryRunner.query(`DROP TYPE "public"."obligation_metric"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_party_agreement_id_institution_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_party_agreement_id_enterprise_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_party_institution_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_party_enterprise_id_idx"`);
    await queryRunner.query(`DROP TABLE "agreement_party"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_park_id_kind_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_park_id_ends_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."agreement_renews_id_key"`);
    await queryRunner.query(`DROP TABLE "agreement"`);
    await queryRunner.query(`DROP TYPE "public"."agreement_kind"`);
  }
}
