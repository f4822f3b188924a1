import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddInstitutions1795760992881 implements MigrationInterface {
  name = 'AddInstitutions1795760992881';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."institution_kind" AS ENUM('UNIVERSITY', 'VOCATIONAL_COLLEGE', 'RESEARCH_INSTITUTE', 'TRAINING_PROVIDER', 'INDUSTRY_ASSOCIATION', 'GOVERNMENT', 'ENTERPRISE_GROUP')`,
    );
    await queryRunner.query(
      `CREATE TABLE "institution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL DEFAULT '1', "park_id" uuid NOT NULL, "name" character varying(200) COLLATE "zh_pinyin" NOT NULL, "name_en" character varying(300), "kind" "public"."institution_kind" NOT NULL, "region" character varying(100), CONSTRAINT "institution_id_park_id_key" UNIQUE ("id", "park_id"), CONSTRAINT "PK_f60ee4ff0719b7df54830b39087" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "institution_park_id_kind_idx" ON "institution"  ("park_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "institution_park_id_name_key" ON "institution"  ("park_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "institution_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "institution_id" uuid NOT NULL, "position" smallint NOT NULL, "name" character varying(100) NOT NULL, "title" character varying(100), "phone" character varying(30), "email" character varying(200), CONSTRAINT "PK_e8c13f72eb12907d99d8c2de316" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "institution_contact_institution_id_position_key" ON "institution_contact"  ("institution_id", "position") `,
    );
    await queryRunner.query(
      `ALTER TABLE "institution" ADD CONSTRAINT "institution_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "institution_contact" ADD CONSTRAINT "institution_contact_institution_id_fkey" FOREIGN KEY ("institution_id") REFERENCES "institution"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "institution_contact" DROP CONSTRAINT "institution_contact_institution_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "institution" DROP CONSTRAINT "institution_park_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."institution_contact_institution_id_position_key"`);
    await queryRunner.query(`DROP TABLE "institution_contact"`);
    await queryRunner.query(`DROP INDEX "public"."institution_park_id_name_key"`);
    await queryRunner.query(`DROP INDEX "public"."institution_park_id_kind_idx"`);
    await queryRunner.query(`DROP TABLE "institution"`);
    await queryRunner.query(`DROP TYPE "public"."institution_kind"`);
  }
}
