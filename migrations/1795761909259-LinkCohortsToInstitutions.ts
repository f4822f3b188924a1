import { MigrationInterface, QueryRunner } from 'typeorm';

export class LinkCohortsToInstitutions1795761909259 implements MigrationInterface {
  name = 'LinkCohortsToInstitutions1795761909259';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cohort_institution" ("cohort_id" uuid NOT NULL, "institution_id" uuid NOT NULL, "park_id" uuid NOT NULL, CONSTRAINT "PK_ecb109a25de98b628fcee7dc7d3" PRIMARY KEY ("cohort_id", "institution_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "cohort_institution_institution_id_idx" ON "cohort_institution"  ("institution_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_institution" ADD CONSTRAINT "cohort_institution_cohort_id_park_id_fkey" FOREIGN KEY ("cohort_id", "park_id") REFERENCES "cohort"("id","park_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_institution" ADD CONSTRAINT "cohort_institution_institution_id_park_id_fkey" FOREIGN KEY ("institution_id", "park_id") REFERENCES "institution"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cohort_institution" DROP CONSTRAINT "cohort_institution_institution_id_park_id_fkey"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cohort_institution" DROP CONSTRAINT "cohort_institution_cohort_id_park_id_fkey"`,
    );
    await queryRunner.query(`DROP INDEX "public"."cohort_institution_institution_id_idx"`);
    await queryRunner.query(`DROP TABLE "cohort_institution"`);
  }
}
