import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddContracts1795761172981 implements MigrationInterface {
  name = 'AddContracts1795761172981';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "number" character varying(64) NOT NULL, "enterprise_id" uuid NOT NULL, "signed_on" date, "terminated_on" date, "termination_reason" text, "rent_free_from" date, "rent_free_until" date, "deposit_held" numeric(14,2) NOT NULL DEFAULT '0', CONSTRAINT "contract_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "contract_termination_complete" CHECK (("terminated_on" IS NULL) = ("termination_reason" IS NULL)), CONSTRAINT "contract_deposit_held_non_negative" CHECK ("deposit_held" >= 0), CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "contract_enterprise_id_idx" ON "contract"  ("enterprise_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_park_id_number_key" ON "contract"  ("park_id", "number") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."rent_basis" AS ENUM('PER_SQUARE_METRE', 'FIXED_PER_UNIT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."payment_cycle" AS ENUM('MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."rent_free_start" AS ENUM('FIT_OUT', 'TERM_START')`);
    await queryRunner.query(
      `CREATE TABLE "contract_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "version_number" smallint NOT NULL, "effective_from" date NOT NULL, "effective_until" date, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "rent_basis" "public"."rent_basis" NOT NULL, "rate" numeric(14,2) NOT NULL, "payment_cycle" "public"."payment_cycle" NOT NULL, "due_day" smallint NOT NULL, "escalation_percent" numeric(5,2) NOT NULL DEFAULT '0', "rent_free_days" integer NOT NULL DEFAULT '0', "rent_free_start" "public"."rent_free_start" NOT NULL, "notice_days" integer NOT NULL DEFAULT '90', "deposit_amount" numeric(14,2) NOT NULL DEFAULT '0', "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_version_deposit_non_negative" CHECK ("deposit_amount" >= 0), CONSTRAINT "contract_version_notice_days_range" CHECK ("notice_days" BETWEEN 0 AND 3650), CONSTRAINT "contract_version_rent_free_days_range" CHECK ("rent_free_days" BETWEEN 0 AND 3650), CONSTRAINT "contract_version_escalation_range" CHECK ("escalation_percent" BETWEEN 0 AND 100), CONSTRAINT "contract_version_due_day_range" CHECK ("due_day" BETWEEN 1 AND 28), CONSTRAINT "contract_version_rate_non_negative" CHECK ("rate" >= 0), CONSTRAINT "contract_version_effective_order" CHECK ("effective_until" IS NULL OR "effective_until" > "effective_from"), CONSTRAINT "contract_version_term_order" CHECK ("ends_on" > "starts_on"), CONSTRAINT "contract_version_one_in_force" EXCLUDE USING gist ("contract_id" WITH =, daterange("effective_from", "effective_until", '[)') WITH &&), CONSTRAINT "PK_dc22c2043e8f7513b637c461fcd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_version_contract_id_number_key" ON "contract_version"  ("contract_id", "version_number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_tenancy" ("contract_id" uuid NOT NULL, "tenancy_id" uuid NOT NULL, CONSTRAINT "PK_50ab2e1d9846c38965fd7aa54fe" PRIMARY KEY ("contract_id", "tenancy_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_tenancy_tenancy_id_key" ON "contract_tenancy"  ("tenancy_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_bill" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "park_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "due_on" date NOT NULL, "cycle_months" smallint NOT NULL, "days" integer NOT NULL, "rent_free_days" integer NOT NULL, "amount_before_incentives" numeric(14,2) NOT NULL, "incentive_discount" numeric(14,2) NOT NULL, "rent_amount" numeric(14,2) NOT NULL, "adjustment" numeric(14,2) NOT NULL DEFAULT '0', "amount" numeric(14,2) NOT NULL, "paid" numeric(14,2) NOT NULL DEFAULT '0', "issued_on" date, CONSTRAINT "contract_bill_paid_range" CHECK ("paid" >= 0 AND "paid" <= "amount"), CONSTRAINT "contract_bill_amount_total" CHECK ("amount" = "rent_amount" + "adjustment" AND "amount" >= 0), CONSTRAINT "contract_bill_rent_amount" CHECK ("rent_amount" = "amount_before_incentives" - "incentive_discount"), CONSTRAINT "contract_bill_amounts_non_negative" CHECK ("amount_before_incentives" >= 0 AND "incentive_discount" >= 0), CONSTRAINT "contract_bill_rent_free_days_range" CHECK ("rent_free_days" BETWEEN 0 AND "days"), CONSTRAINT "contract_bill_period_order" CHECK ("period_end" > "period_start"), CONSTRAINT "PK_9381a483f446add0644caca0f53" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_bill_park_id_due_on_idx" ON "contract_bill"  ("park_id", "due_on") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "contract_bill_contract_id_period_start_key" ON "contract_bill"  ("contract_id", "period_start") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."payment_method" AS ENUM('BANK_TRANSFER', 'CASH', 'WECHAT_PAY', 'ALIPAY', 'DEPOSIT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_payment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "park_id" uuid NOT NULL, "amount" numeric(14,2) NOT NULL, "allocated" numeric(14,2) NOT NULL DEFAULT '0', "received_on" date NOT NULL, "method" "public"."payment_method" NOT NULL, "reference" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "contract_payment_allocated_range" CHECK ("allocated" >= 0 AND "allocated" <= "amount"), CONSTRAINT "contract_payment_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_ec4b471fec3378be1b924804a7a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_payment_contract_id_received_on_idx" ON "contract_payment"  ("contract_id", "received_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "payment_allocation" ("payment_id" uuid NOT NULL, "bill_id" uuid NOT NULL, "amount" numeric(14,2) NOT NULL, "allocated_on" date NOT NULL, CONSTRAINT "payment_allocation_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_c7d5c63725471d39e8ac9ce18ea" PRIMARY KEY ("payment_id", "bill_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "payment_allocation_bill_id_idx" ON "payment_allocation"  ("bill_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."deposit_event_kind" AS ENUM('RECEIVED', 'REFUNDED', 'APPLIED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "deposit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "contract_id" uuid NOT NULL, "kind" "public"."deposit_event_kind" NOT NULL, "amount" numeric(14,2) NOT NULL, "occurred_on" date NOT NULL, "note" text, "payment_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deposit_event_amount_positive" CHECK ("amount" > 0), CONSTRAINT "PK_15cf72ceca9f2fd85c11de40a76" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "deposit_event_contract_id_on_idx" ON "deposit_event"  ("contract_id", "occurred_on") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."incentive_kind" AS ENUM('DISCOUNT', 'EXTRA_RENT_FREE')`);
    await queryRunner.query(
      `CREATE TABLE "incentive_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "kind" "public"."incentive_kind" NOT NULL, "discount_percent" numeric(5,2), "months" smallint NOT NULL, "requires_leading" boolean NOT NULL DEFAULT false, "origin_provinces" "public"."province" array, "industries" "public"."industry" array, CONSTRAINT "incentive_policy_months_range" CHECK ("months" BETWEEN 1 AND 120), CONSTRAINT "incentive_policy_discount_range" CHECK ("discount_percent" IS NULL OR "discount_percent" BETWEEN 0.01 AND 100), CONSTRAINT "incentive_policy_discount_for_discounts" CHECK (("kind" = 'DISCOUNT') = ("discount_percent" IS NOT NULL)), CONSTRAINT "PK_3b07da54a745dedd5f16ecbfbb1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "incentive_policy_park_id_name_key" ON "incentive_policy"  ("park_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contract_incentive" ("contract_id" uuid NOT NULL, "policy_id" uuid NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1c2c12ca8c4991cc924968d2a59" PRIMARY KEY ("contract_id", "policy_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "contract_incentive_policy_id_idx" ON "contract_incentive"  ("policy_id") `,
    );
    await queryRunner.query(`ALTER TYPE "public"."role" ADD VALUE 'FINANCE'`);
    await queryRunner.query(
      `ALTER TABLE "contract" ADD CONSTRAINT "contract_enterprise_id_park_id_fkey" FOREIGN KEY ("enterprise_id", "park_id") REFERENCES "enterprise"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_version" ADD CONSTRAINT "contract_version_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_tenancy" ADD CONSTRAINT "contract_tenancy_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_tenancy" ADD CONSTRAINT "contract_tenancy_tenancy_id_fkey" FOREIGN KEY ("tenancy_id") REFERENCES "tenancy"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_bill" ADD CONSTRAINT "contract_bill_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_payment" ADD CONSTRAINT "contract_payment_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_allocation" ADD CONSTRAINT "payment_allocation_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "contract_payment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_allocation" ADD CONSTRAINT "payment_allocation_bill_id_fkey" FOREIGN KEY ("bill_id") REFERENCES "contract_bill"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deposit_event" ADD CONSTRAINT "deposit_event_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "incentive_policy" ADD CONSTRAINT "incentive_policy_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_incentive" ADD CONSTRAINT "contract_incentive_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_incentive" ADD CONSTRAINT "contract_incentive_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "incentive_policy"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "contract_incentive" DROP CONSTRAINT "contract_incentive_policy_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_incentive" DROP CONSTRAINT "contract_incentive_contract_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "incentive_policy" DROP CONSTRAINT "incentive_policy_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "deposit_event" DROP CONSTRAINT "deposit_event_contract_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "payment_allocation" DROP CONSTRAINT "payment_allocation_bill_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "payment_allocation" DROP CONSTRAINT "payment_allocation_payment_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_payment" DROP CONSTRAINT "contract_payment_contract_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "contract_bill" DROP CONSTRAINT "contract_bill_contract_id_fkey"`);
    await queryRunner.query(
      `ALTER TABLE "contract_tenancy" DROP CONSTRAINT "contract_tenancy_tenancy_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_tenancy" DROP CONSTRAINT "contract_tenancy_contract_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "contract_version" DROP CONSTRAINT "contract_version_contract_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "contract_enterprise_id_park_id_fkey"`);
    await queryRunner.query(
      `CREATE TYPE "public"."role_old" AS ENUM('ADMIN', 'LEASING', 'RECRUITER', 'ANALYST')`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ALTER COLUMN "roles" TYPE "public"."role_old"[] USING "roles"::"text"::"public"."role_old"[]`,
    );
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`ALTER TYPE "public"."role_old" RENAME TO "role"`);
    await queryRunner.query(`DROP INDEX "public"."contract_incentive_policy_id_idx"`);
    await queryRunner.query(`DROP TABLE "contract_incentive"`);
    await queryRunner.query(`DROP INDEX "public"."incentive_policy_park_id_name_key"`);
    await queryRunner.query(`DROP TABLE "incentive_policy"`);
    await queryRunner.query(`DROP TYPE "public"."incentive_kind"`);
    await queryRunner.query(`DROP INDEX "public"."deposit_event_contract_id_on_idx"`);
    await queryRunner.query(`DROP TABLE "deposit_event"`);
    await queryRunner.query(`DROP TYPE "public"."deposit_event_kind"`);
    await queryRunner.query(`DROP INDEX "public"."payment_allocation_bill_id_idx"`);
    await queryRunner.query(`DROP TABLE "payment_allocation"`);
    await queryRunner.query(`DROP INDEX "public"."contract_payment_contract_id_received_on_idx"`);
    await queryRunner.query(`DROP TABLE "contract_payment"`);
    await queryRunner.query(`DROP TYPE "public"."payment_method"`);
    await queryRunner.query(`DROP INDEX "public"."contract_bill_contract_id_period_start_key"`);
    await queryRunner.query(`DROP INDEX "public"."contract_bill_park_id_due_on_idx"`);
    await queryRunner.query(`DROP TABLE "contract_bill"`);
    await queryRunner.query(`DROP INDEX "public"."contract_tenancy_tenancy_id_key"`);
    await queryRunner.query(`DROP TABLE "contract_tenancy"`);
    await queryRunner.query(`DROP INDEX "public"."contract_version_contract_id_number_key"`);
    await queryRunner.query(`DROP TABLE "contract_version"`);
    await queryRunner.query(`DROP TYPE "public"."rent_free_start"`);
    await queryRunner.query(`DROP TYPE "public"."payment_cycle"`);
    await queryRunner.query(`DROP TYPE "public"."rent_basis"`);
    await queryRunner.query(`DROP INDEX "public"."contract_park_id_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."contract_enterprise_id_idx"`);
    await queryRunner.query(`DROP TABLE "contract"`);
  }
}
