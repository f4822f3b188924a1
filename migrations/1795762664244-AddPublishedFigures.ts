import { MigrationInterface, QueryRunner } from 'typeorm';

/** Published figures (reports): value, definition and inputs as published, for verifyPublishedFigure. */
export class AddPublishedFigures1795762664244 implements MigrationInterface {
  name = 'AddPublishedFigures1795762664244';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "published_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "park_id" uuid NOT NULL, "zone_id" uuid, "measure" character varying(60) NOT NULL, "as_of" date NOT NULL, "label" character varying(200) NOT NULL, "note" text, "value" double precision NOT NULL, "definition" text NOT NULL, "inputs" jsonb NOT NULL, "published_by_id" uuid, "published_by_name" character varying(200) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25170fb9ca32e691108096d3069" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "published_figure_park_id_as_of_idx" ON "published_figure"  ("park_id", "as_of", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "published_figure" ADD CONSTRAINT "published_figure_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "published_figure" ADD CONSTRAINT "published_figure_zone_id_fkey" FOREIGN KEY ("zone_id") REFERENCES "zone"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "published_figure" DROP CONSTRAINT "published_figure_zone_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "published_figure" DROP CONSTRAINT "published_figure_park_id_fkey"`);
    await queryRunner.query(`DROP INDEX "public"."published_figure_park_id_as_of_idx"`);
    await queryRunner.query(`DROP TABLE "published_figure"`);
  }
}
