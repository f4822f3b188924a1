import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTenancyParkIndex1795761741596 implements MigrationInterface {
  name = 'AddTenancyParkIndex1795761741596';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Park figures read one park's tenancies on a date index-only (tenancy.entity.ts says why).
    await queryRunner.query(
      `CREATE INDEX "tenancy_park_id_starts_on_idx" ON "tenancy"  ("park_id", "starts_on", "unit_id", "ends_on", "fitting_out_from", "operating_from", "enterprise_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tenancy_park_id_starts_on_idx"`);
  }
}
