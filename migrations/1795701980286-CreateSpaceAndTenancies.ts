import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSpaceAndTenancies1795701980286 implements MigrationInterface {
  name = 'CreateSpaceAndTenancies1795701980286';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint combine unit equality (btree) with date-range overlap (gist).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TYPE "public"."industry" AS ENUM('STONE_MATERIAL', 'SCULPTURE', 'STONE_CARVING', 'DIGITAL_CREATIVE', 'JEWELLERY_JADE', 'LOGISTICS', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."province" AS ENUM('BEIJING', 'TIANJIN', 'HEBEI', 'SHANXI', 'INNER_MONGOLIA', 'LIAONING', 'JILIN', 'HEILONGJIANG', 'SHANGHAI', 'JIANGSU', 'ZHEJIANG', 'ANHUI', 'FUJIAN', 'JIANGXI', 'SHANDONG', 'HENAN', 'HUBEI', 'HUNAN', 'GUANGDONG', 'GUANGXI', 'HAINAN', 'CHONGQING', 'SICHUAN', 'GUIZHOU', 'YUNNAN', 'TIBET', 'SHAANXI', 'GANSU', 'QINGHAI', 'NINGXIA', 'XINJIANG', 'HONG_KONG', 'MACAO', 'TAIWAN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "enterprise" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "name" character varying(200) NOT NULL, "name_en" character varying(200), "credit_code" character(18) NOT NULL, "industry" "public"."industry" NOT NULL, "origin_province" "public"."province" NOT NULL, "origin_city" character varying(100), "leading" boolean NOT NULL DEFAULT false, "contact_name" character varying(100), "contact_phone" character varying(30), "registered_on" date, CONSTRAINT "enterprise_credit_code_format" CHECK ("credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'), CONSTRAINT "PK_09687cd306dc5d486c0e227c471" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "enterprise_credit_code_key" ON "enterprise"  ("credit_code") `,
    );
    await queryRunner.query(`CREATE INDEX "enterprise_industry_idx" ON "enterprise"  ("industry") `);
    await queryRunner.query(
      `CREATE TABLE "park" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "name_en" character varying(200), CONSTRAINT "PK_653802406812552d8de5f9a4047" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "park_code_key" ON "park"  ("code") `);
    await queryRunner.query(
      `CREATE TYPE "public"."zone_kind" AS ENUM('MARKET', 'INDUSTRIAL', 'DIGITAL_CREATIVE', 'JEWELLERY', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "zone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "name_en" character varying(200), "kind" "public"."zone_kind" NOT NULL, CONSTRAINT "PK_bd3989e5a3c3fb5ed546dfaf832" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "zone_park_id_code_key" ON "zone"  ("park_id", "code") `);
    await queryRunner.query(
      `CREATE TYPE "public"."unit_kind" AS ENUM('BAY', 'WORKSHOP', 'OFFICE', 'WAREHOUSE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "zone_id" uuid NOT NULL, "code" character varying(64) NOT NULL, "kind" "public"."unit_kind" NOT NULL, "building" character varying(100), "floor" smallint, "floor_area" numeric(12,2) NOT NULL, "leasable" boolean NOT NULL DEFAULT true, "unleasable_reason" text, CONSTRAINT "unit_unleasable_has_reason" CHECK ("leasable" OR "unleasable_reason" IS NOT NULL), CONSTRAINT "unit_floor_area_positive" CHECK ("floor_area" > 0), CONSTRAINT "PK_4252c4be609041e559f0c80f58a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "unit_zone_id_code_idx" ON "unit"  ("zone_id", "code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "unit_park_id_code_key" ON "unit"  ("park_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "tenancy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "unit_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "starts_on" date NOT NULL, "fitting_out_from" date, "operating_from" date, "ends_on" date, "end_reason" text, CONSTRAINT "tenancy_ends_after_stages" CHECK ("ends_on" IS NULL OR "ends_on" > GREATEST("starts_on", "fitting_out_from", "operating_from")), CONSTRAINT "tenancy_opening_in_order" CHECK ("operating_from" IS NULL OR "operating_from" >= COALESCE("fitting_out_from", "starts_on")), CONSTRAINT "tenancy_fit_out_in_range" CHECK ("fitting_out_from" IS NULL OR "fitting_out_from" >= "starts_on"), CONSTRAINT "tenancy_ends_after_start" CHECK ("ends_on" IS NULL OR "ends_on" > "starts_on"), CONSTRAINT "tenancy_unit_no_overlap" EXCLUDE USING gist ("unit_id" WITH =, daterange("starts_on", "ends_on", '[)') WITH &&), CONSTRAINT "PK_c98009ac41a45bd29d8a56431ce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "tenancy_enterprise_id_idx" ON "tenancy"  ("enterprise_id") `);
    await queryRunner.query(
      `CREATE INDEX "tenancy_unit_id_starts_on_idx" ON "tenancy"  ("unit_id", "starts_on") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."stage_event_kind" AS ENUM('CHANGE', 'CORRECTION')`);
    await queryRunner.query(
      `CREATE TYPE "public"."tenancy_stage" AS ENUM('RESERVED', 'FITTING_OUT', 'OPERATING', 'ENDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "tenancy_stage_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenancy_id" uuid NOT NULL, "kind" "public"."stage_event_kind" NOT NULL, "stage" "public"."tenancy_stage" NOT NULL, "effective_on" date, "previous_effective_on" date, "note" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9cc083a2d3b873050d83fe1011e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "tenancy_stage_event_tenancy_id_idx" ON "tenancy_stage_event"  ("tenancy_id", "recorded_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "zone" ADD CONSTRAINT "zone_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "unit_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "unit_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenancy" ADD CONSTRAINT "tenancy_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenancy" ADD CONSTRAINT "tenancy_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenancy_stage_event" ADD CONSTRAINT "tenancy_stage_event_tenancy_id_fkey" FOREIGN KEY ("tenancy_id") REFERENCES "tenancy"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "tenancy_stage_event" DROP CONSTRAINT "tenancy_stage_event_tenancy_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "tenancy" DROP CONSTRAINT "tenancy_enterprise_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "tenancy" DROP CONSTRAINT "tenancy_unit_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "unit_zone_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "unit_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP CONSTRAINT "zone_park_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."tenancy_stage_event_tenancy_id_idx"`);
    await queryRunner.query(`DROP TABLE "tenancy_stage_event"`);
    await queryRunner.query(`DROP TYPE "public"."tenancy_stage"`);
    await queryRunner.query(`DROP TYPE "public"."stage_event_kind"`);
    await queryRunner.query(`DROP INDEX "public"."tenancy_unit_id_starts_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tenancy_enterprise_id_idx"`);
    await queryRunner.query(`DROP TABLE "tenancy"`);
    await queryRunner.query(`DROP INDEX "public"."unit_park_id_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."unit_zone_id_code_idx"`);
    await queryRunner.query(`DROP TABLE "unit"`);
    await queryRunner.query(`DROP TYPE "public"."unit_kind"`);
    await queryRunner.query(`DROP INDEX "public"."zone_park_id_code_key"`);
    await queryRunner.query(`DROP TABLE "zone"`);
    await queryRunner.query(`DROP TYPE "public"."zone_kind"`);
    await queryRunner.query(`DROP INDEX "public"."park_code_key"`);
    await queryRunner.query(`DROP TABLE "park"`);
    await queryRunner.query(`DROP INDEX "public"."enterprise_industry_idx"`);
    await queryRunner.query(`DROP INDEX "public"."enterprise_credit_code_key"`);
    await queryRunner.query(`DROP TABLE "enterprise"`);
    await queryRunner.query(`DROP TYPE "public"."province"`);
    await queryRunner.query(`DROP TYPE "public"."industry"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
