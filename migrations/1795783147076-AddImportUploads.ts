import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded import files kept in PostgreSQL (import-upload.entities.ts) instead of a temporary file of the process that
 * received them: step two of an import (`importSpreadsheet(uploadId…)`) may then reach any API process.
 */
export class AddImportUploads1795783147076 implements MigrationInterface {
  name = 'AddImportUploads1795783147076';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "import_upload" ("id" uuid NOT NULL, "owner_kind" character varying(16) NOT NULL, "owner_id" uuid NOT NULL, "bytes" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "taken_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "import_upload_bytes" CHECK ("bytes" IS NULL OR "bytes" > 0), CONSTRAINT "PK_95fa91c2e22f631f20788d9a63c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "import_upload_created_at" ON "import_upload"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "import_upload_chunk" ("upload_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "import_upload_chunk_seq" CHECK ("seq" >= 0), CONSTRAINT "PK_aacfa8c08b075d37437f8b5dc1c" PRIMARY KEY ("upload_id", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "import_upload_chunk" ADD CONSTRAINT "import_upload_chunk_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "import_upload"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "import_upload_chunk" DROP CONSTRAINT "import_upload_chunk_upload_id_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "import_upload_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."import_upload_created_at"`);
    await queryRunner.query(`DROP TABLE "import_upload"`);
  }
}
