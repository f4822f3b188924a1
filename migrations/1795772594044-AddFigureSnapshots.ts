import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each source table of a measure passes to figure_snapshots_corrected(): how to find the park of a row (its
 * park_id, or `fk=parent` to read the parent's) and the date columns whose earliest value is the first day the row
 * can change a figure (none: every month; `col:ts` for timestamptz, read one day early for time zones).
 */
export const SNAPSHOT_SOURCES: Record<string, string[]> = {
  unit: ['park_id'],
  zone: ['park_id'],
  tenancy: ['park_id', 'starts_on'],
  enterprise: ['park_id'],
  machine: ['park_id'],
  machine_placement: ['park_id', 'from_on'],
  machine_event: ['machine_id=machine', 'occurred_at:ts'],
  trainee: ['park_id'],
  trainee_status_event: ['trainee_id=trainee', 'effective_on'],
  certification: ['park_id', 'issued_on'],
  lead: ['park_id', 'created_on'],
  lead_stage_event: ['lead_id=lead', 'effective_on'],
  recruitment_event: ['park_id', 'held_on'],
  agreement: ['park_id', 'signed_on', 'starts_on'],
  contract: ['park_id'],
  contract_version: ['contract_id=contract', 'effective_from', 'starts_on'],
  contract_tenancy: ['contract_id=contract'],
  contract_bill: ['park_id', 'due_on'],
  payment_allocation: ['bill_id=contract_bill', 'allocated_on'],
};

/**
 * Month-end snapshots of every measure (figure-snapshot.entity.ts) and their invalidation in the database: a deferred
 * row trigger on every source table (the pattern of AddFiguresVersion) runs at commit, finds the park and the earliest
 * date the row touches (old and new image), raises the park's snapshot epoch and deletes the park's snapshots from
 * that month on. A transaction-local setting remembers the earliest date already done per park, so a bulk write
 * deletes once. The epoch row lock is taken at commit, after every other lock of the writer (no new deadlock orders).
 */
export class AddFigureSnapshots1795772594044 implements MigrationInterface {
  name = 'AddFigureSnapshots1795772594044';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "figure_snapshot" ("park_id" uuid NOT NULL, "month_end" date NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "park_values" jsonb NOT NULL, "zone_rows" jsonb NOT NULL, CONSTRAINT "figure_snapshot_month_end" CHECK ("month_end" = (date_trunc('month', "month_end") + interval '1 month - 1 day')::date), CONSTRAINT "PK_a3f3a250574234130ca162a0c44" PRIMARY KEY ("park_id", "month_end"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "figure_snapshot_epoch" ("park_id" uuid NOT NULL, "epoch" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_ad0437980b7ae8fd6a654366621" PRIMARY KEY ("park_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "figure_snapshot" ADD CONSTRAINT "figure_snapshot_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "figure_snapshot_epoch" ADD CONSTRAINT "figure_snapshot_epoch_park_id_fkey" FOREIGN KEY ("park_id") REFERENCES "park"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
      CREATE FUNCTION figure_snapshots_corrected() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        recs jsonb[];
        rec jsonb;
        parent text[];
        p uuid;
        d date;
        since date;
        done date;
        col text;
        flag text;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          UPDATE figure_snapshot_epoch SET epoch = epoch + 1;
          DELETE FROM figure_snapshot;
          RETURN NULL;
        END IF;
        -- Fast path for bulk inserts of dateless rows (units, enterprises…): the park is already done from -infinity.
        -- (Nested: one SQL expression would read NEW.park_id on tables without that column too.)
        IF TG_OP = 'INSERT' AND TG_NARGS = 1 AND TG_ARGV[0] = 'park_id' THEN
          IF nullif(current_setting('shifosi.snapshots_' || replace(NEW.park_id::text, '-', ''), true), '')
             = '-infinity' THEN
            RETURN NULL;
          END IF;
        END IF;
        recs := CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
                ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END;
        FOREACH rec IN ARRAY recs LOOP
          IF TG_ARGV[0] = 'park_id' THEN
            p := (rec->>'park_id')::uuid;
          ELSE
            parent := string_to_array(TG_ARGV[0], '=');
            EXECUTE format('SELECT park_id FROM %I WHERE id = $1', parent[2]) INTO p USING (rec->>parent[1])::uuid;
          END IF;
          -- A row whose parent is gone (cascade) left with it: the parent's own trigger covered the park.
          CONTINUE WHEN p IS NULL;
          since := NULL;
          FOR i IN 1 .. TG_NARGS - 1 LOOP
            col := TG_ARGV[i];
            IF col LIKE '%:ts' THEN
              d := ((rec->>split_part(col, ':', 1))::timestamptz)::date - 1;
            ELSE
              d := (rec->>col)::date;
            END IF;
            since := least(since, d);
          END LOOP;
          since := coalesce(since, '-infinity'::date);
          flag := 'shifosi.snapshots_' || replace(p::text, '-', '');
          done := nullif(current_setting(flag, true), '')::date;
          CONTINUE WHEN done IS NOT NULL AND done <= since;
          PERFORM set_config(flag, since::text, true);
          INSERT INTO figure_snapshot_epoch AS f (park_id, epoch) VALUES (p, 1)
          ON CONFLICT (park_id) DO UPDATE SET epoch = f.epoch + 1;
          DELETE FROM figure_snapshot WHERE park_id = p AND month_end >= since;
        END LOOP;
        RETURN NULL;
      END
      $$`);
    for (const [table, args] of Object.entries(SNAPSHOT_SOURCES)) {
      const list = args.map((a) => `'${a}'`).join(', ');
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER ${table}_snapshots_corrected AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figure_snapshots_corrected(${list})`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${table}_snapshots_truncated AFTER TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION figure_snapshots_corrected(${list})`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of Object.keys(SNAPSHOT_SOURCES)) {
      await queryRunner.query(`DROP TRIGGER ${table}_snapshots_truncated ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER ${table}_snapshots_corrected ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION figure_snapshots_corrected()`);
    await queryRunner.query(
      `ALTER TABLE "figure_snapshot_epoch" DROP CONSTRAINT "figure_snapshot_epoch_park_id_fkey"`,
    );
    await queryRunner.query(`ALTER TABLE "figure_snapshot" DROP CONSTRAINT "figure_snapshot_park_id_fkey"`);
    await queryRunner.query(`DROP TABLE "figure_snapshot_epoch"`);
    await queryRunner.query(`DROP TABLE "figure_snapshot"`);
  }
}
