import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMachines1795751165065 implements MigrationInterface {
  name = 'AddMachines1795751165065';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."machine_type" AS ENUM('CNC_ROUTER', 'BRIDGE_SAW', 'FIVE_AXIS_CARVER', 'WIRE_SAW', 'POLISHER', 'LATHE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "machine" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "serial_number" character varying(64) NOT NULL, "type" "public"."machine_type" NOT NULL, "manufacturer" character varying(200) NOT NULL, "model" character varying(200) NOT NULL, "axes" smallint, "spindle_power_kw" numeric(7,2), "commissioned_year" smallint, "owner_enterprise_id" uuid NOT NULL, CONSTRAINT "machine_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "machine_commissioned_year_range" CHECK ("commissioned_year" IS NULL OR "commissioned_year" BETWEEN 1950 AND 2199), CONSTRAINT "machine_spindle_power_positive" CHECK ("spindle_power_kw" IS NULL OR "spindle_power_kw" > 0), CONSTRAINT "machine_axes_range" CHECK ("axes" IS NULL OR "axes" BETWEEN 1 AND 9), CONSTRAINT "PK_acc588900ffa841d96eb5fd566c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "machine_owner_enterprise_id_idx" ON "machine"  ("owner_enterprise_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "machine_serial_number_key" ON "machine"  ("serial_number") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."machine_event_kind" AS ENUM('STATUS', 'METER')`);
    await queryRunner.query(
      `CREATE TYPE "public"."machine_status" AS ENUM('RUNNING', 'IDLE', 'DOWN', 'DECOMMISSIONED')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."downtime_kind" AS ENUM('PLANNED', 'UNPLANNED')`);
    await queryRunner.query(
      `CREATE TABLE "machine_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "machine_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" "public"."machine_event_kind" NOT NULL, "status" "public"."machine_status", "down_kind" "public"."downtime_kind", "reason_code" character varying(64), "meter_hours" numeric(12,2), "source" character varying(200) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "machine_event_meter_non_negative" CHECK ("meter_hours" IS NULL OR "meter_hours" >= 0), CONSTRAINT "machine_event_reason_code" CHECK (("status" = 'DOWN' AND "reason_code" IS NOT NULL) OR ("status" IS DISTINCT FROM 'DOWN' AND "reason_code" IS NULL)), CONSTRAINT "machine_event_down_kind" CHECK (("status" = 'DOWN') = ("down_kind" IS NOT NULL)), CONSTRAINT "machine_event_payload" CHECK (("kind" = 'STATUS' AND "status" IS NOT NULL AND "meter_hours" IS NULL) OR ("kind" = 'METER' AND "status" IS NULL AND "meter_hours" IS NOT NULL)), CONSTRAINT "PK_8b281dc95071ac8f5a07f9fb3c8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "machine_event_machine_id_kind_occurred_at_key" ON "machine_event"  ("machine_id", "kind", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "machine_placement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "park_id" uuid NOT NULL, "machine_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "from_on" date NOT NULL, "until_on" date, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "machine_placement_until_after_from" CHECK ("until_on" IS NULL OR "until_on" > "from_on"), CONSTRAINT "machine_placement_no_overlap" EXCLUDE USING gist ("machine_id" WITH =, daterange("from_on", "until_on", '[)') WITH &&), CONSTRAINT "PK_6e43a634d0c4fe83379efb4770a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "machine_placement_machine_id_from_on_idx" ON "machine_placement"  ("machine_id", "from_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "machine_placement_unit_id_from_on_idx" ON "machine_placement"  ("unit_id", "from_on", "until_on", "machine_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "maintenance_plan" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "machine_id" uuid NOT NULL, "task" character varying(200) NOT NULL, "every_days" integer, "every_hours" numeric(10,2), "starts_on" date NOT NULL, CONSTRAINT "maintenance_plan_id_machine_id_key" UNIQUE ("id", "machine_id"), CONSTRAINT "maintenance_plan_every_hours_range" CHECK ("every_hours" IS NULL OR "every_hours" BETWEEN 1 AND 100000), CONSTRAINT "maintenance_plan_every_days_range" CHECK ("every_days" IS NULL OR "every_days" BETWEEN 1 AND 3650), CONSTRAINT "maintenance_plan_has_interval" CHECK ("every_days" IS NOT NULL OR "every_hours" IS NOT NULL), CONSTRAINT "PK_ad150378971c22651d81c710465" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "maintenance_plan_machine_id_idx" ON "maintenance_plan"  ("machine_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "maintenance_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "machine_id" uuid NOT NULL, "plan_id" uuid, "performed_on" date NOT NULL, "work_done" text NOT NULL, "downtime_hours" numeric(8,2) NOT NULL DEFAULT '0', "cost" numeric(12,2) NOT NULL DEFAULT '0', "performed_by" character varying(200) NOT NULL, "meter_hours" numeric(12,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "maintenance_record_meter_non_negative" CHECK ("meter_hours" IS NULL OR "meter_hours" >= 0), CONSTRAINT "maintenance_record_cost_non_negative" CHECK ("cost" >= 0), CONSTRAINT "maintenance_record_downtime_non_negative" CHECK ("downtime_hours" >= 0), CONSTRAINT "PK_b86425c0ce6546daca660f8fa40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "maintenance_record_plan_id_performed_on_idx" ON "maintenance_record"  ("plan_id", "performed_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "maintenance_record_machine_id_performed_on_idx" ON "maintenance_record"  ("machine_id", "performed_on") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."api_key_kind" AS ENUM('READ', 'MACHINE_GATEWAY')`);
    await queryRunner.query(
      `ALTER TABLE "api_key" ADD "kind" "public"."api_key_kind" NOT NULL DEFAULT 'READ'`,
    );
    await queryRunner.query(
      `ALTER TABLE "machine" ADD CONSTRAINT "machine_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "machine" ADD CONSTRAINT "machine_owner_enterprise_id_park_id_fkey" FOREIGN KEY ("owner_enterprise_id", "park_id") REFERENCES "enterprise"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "machine_event" ADD CONSTRAINT "machine_event_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "machine_placement" ADD CONSTRAINT "machine_placement_machine_id_park_id_fkey" FOREIGN KEY ("machine_id", "park_id") REFERENCES "machine"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "machine_placement" ADD CONSTRAINT "machine_placement_unit_id_park_id_fkey" FOREIGN KEY ("unit_id", "park_id") REFERENCES "unit"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "maintenance_plan" ADD CONSTRAINT "maintenance_plan_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "maintenance_record" ADD CONSTRAINT "maintenance_record_machine_id_fkey" FOREIGN KEY ("machine_id") REFERENCES "machine"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "maintenance_record" ADD CONSTRAINT "maintenance_record_plan_id_machine_id_fkey" FOREIGN KEY ("plan_id", "machine_id") REFERENCES "maintenance_plan"("id","machine_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "maintenance_record" DROP CONSTRAINT "maintenance_record_plan_id_machine_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "maintenance_record" DROP CONSTRAINT "maintenance_record_machine_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "maintenance_plan" DROP CONSTRAINT "maintenance_plan_machine_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "machine_placement" DROP CONSTRAINT "machine_placement_unit_id_park_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "machine_placement" DROP CONSTRAINT "machine_placement_machine_id_park_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "machine_event" DROP CONSTRAINT "machine_event_machine_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "machine" DROP CONSTRAINT "machine_owner_enterprise_id_park_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "machine" DROP CONSTRAINT "machine_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "kind"`);
    await queryRunner.query(`DROP TYPE "public"."api_key_kind"`);
    await queryRunner.query(`DROP INDEX "public"."maintenance_record_machine_id_performed_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."maintenance_record_plan_id_performed_on_idx"`);
    await queryRunner.query(`DROP TABLE "maintenance_record"`);
    await queryRunner.query(`DROP INDEX "public"."maintenance_plan_machine_id_idx"`);
    await queryRunner.query(`DROP TABLE "maintenance_plan"`);
    await queryRunner.query(`DROP INDEX "public"."machine_placement_unit_id_from_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."machine_placement_machine_id_from_on_idx"`);
    await queryRunner.query(`DROP TABLE "machine_placement"`);
    await queryRunner.query(`DROP INDEX "public"."machine_event_machine_id_kind_occurred_at_key"`);
    await queryRunner.query(`DROP TABLE "machine_event"`);
    await queryRunner.query(`DROP TYPE "public"."downtime_kind"`);
    await queryRunner.query(`DROP TYPE "public"."machine_status"`);
    await queryRunner.query(`DROP TYPE "public"."machine_event_kind"`);
    await queryRunner.query(`DROP INDEX "public"."machine_serial_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."machine_owner_enterprise_id_idx"`);
    await queryRunner.query(`DROP TABLE "machine"`);
    await queryRunner.query(`DROP TYPE "public"."machine_type"`);
  }
}
