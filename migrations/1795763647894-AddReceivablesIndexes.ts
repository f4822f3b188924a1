import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReceivablesIndexes1795763647894 implements MigrationInterface {
  name = 'AddReceivablesIndexes1795763647894';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "contract_bill_open_park_id_due_on_idx" ON "contract_bill"  ("park_id", "due_on") WHERE "paid" < "amount"`,
    );
    await queryRunner.query(
      `CREATE INDEX "payment_allocation_allocated_on_idx" ON "payment_allocation"  ("allocated_on", "bill_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."payment_allocation_allocated_on_idx"`);
    await queryRunner.query(`DROP INDEX "public"."contract_bill_open_park_id_due_on_idx"`);
  }
}
