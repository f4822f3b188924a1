import { MigrationInterface, QueryRunner } from 'typeorm';

export class SortEnterpriseNamesByPinyin1795751500000 implements MigrationInterface {
  name = 'SortEnterpriseNamesByPinyin1795751500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Chinese readers expect names in pinyin order (阿 before 张), not code point order (张 before 阿). ICU's
    // zh-u-co-pinyin gives it; a server built without ICU gets a same-named copy of "C", i.e. today's order, so the
    // column, the entity and every query stay the same everywhere.
    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE COLLATION IF NOT EXISTS "zh_pinyin" (provider = icu, locale = 'zh-u-co-pinyin');
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'ICU collation unavailable (%), enterprise names sort in code point order', SQLERRM;
        CREATE COLLATION IF NOT EXISTS "zh_pinyin" FROM "C";
      END
      $$`);
    await queryRunner.query(
      `ALTER TABLE "enterprise" ALTER COLUMN "name" TYPE character varying(200) COLLATE "zh_pinyin"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "enterprise" ALTER COLUMN "name" TYPE character varying(200) COLLATE "default"`,
    );
    await queryRunner.query(`DROP COLLATION IF EXISTS "zh_pinyin"`);
  }
}
