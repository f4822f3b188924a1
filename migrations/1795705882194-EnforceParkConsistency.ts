import { MigrationInterface, QueryRunner } from 'typeorm';

export class EnforceParkConsistency1795705882194 implements MigrationInterface {
  name = 'EnforceParkConsistency1795705882194';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "unit_zone_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "tenancy" DROP CONSTRAINT "tenancy_unit_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "tenancy" DROP CONSTRAINT "tenancy_enterprise_id_fkey"`);
    // Existing tenancies take their unit's park; the foreign keys below then check the enterprise is of it too.
    await queryRunner.query(`ALTER TABLE "tenancy" ADD "park_id" uuid`);
    await queryRunner.query(`UPDATE tenancy t SET park_id = u.park_id FROM unit u WHERE u.id = t.unit_id`);
    await queryRunner.query(`ALTER TABLE "tenancy" ALTER COLUMN "park_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_id_park_id_key" UNIQUE ("id", "park_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "zone" ADD CONSTRAINT "zone_id_park_id_key" UNIQUE ("id", "park_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "unit_id_park_id_key" UNIQUE ("id", "park_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "unit_zone_id_park_id_fkey" FOREIGN KEY ("zone_id", "park_id") REFERENCES "zone"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenancy" ADD CONSTRAINT "tenancy_unit_id_park_id_fkey" FOREIGN KEY ("unit_id", "park_id") REFERENCES "unit"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenancy" ADD CONSTRAINT "tenancy_enterprise_id_park_id_fkey" FOREIGN KEY ("enterprise_id", "park_id") REFERENCES "enterprise"("id","park_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tenancy" DROP CONSTRAINT "tenancy_enterprise_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "tenancy" DROP CONSTRAINT "tenancy_unit_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "unit_zone_id_park_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "unit" DROP CONSTRAINT "unit_id_park_id_key"`);
    await queryRunner.query(`ALTER TABLE "zone" DROP CONSTRAINT "zone_id_park_id_key"`);
    await queryRunner.query(`ALTER TABLE "enterprise" DROP CONSTRAINT "enterprise_id_park_id_key"`);
    await queryRunner.query(`ALTER TABLE "tenancy" DROP COLUMN "park_id"`);
    await queryRunner.query(
      `ALTER TABLE "tenancy" ADD CONSTRAINT "tenancy_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tenancy" ADD CONSTRAINT "tenancy_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit" ADD CONSTRAINT "unit_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
