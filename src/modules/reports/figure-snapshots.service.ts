import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../database/transaction';
import { FigureRow } from './figures.models';
import { allMeasures, FigureDimension, MeasureDefinition } from './measure-registry';

/** Advisory lock namespace (first key of pg_advisory_xact_lock(int, int)): one snapshot computation per park. */
const LOCK_FIGURE_SNAPSHOTS = 7201;

/** Runs the figures statements of `defs` on `dates` of the whole park (FiguresService.compute). */
export type ComputeFigures = (
  dates: string[],
  defs: readonly MeasureDefinition[],
  groupBy: readonly FigureDimension[],
  db: Pick<DataSource, 'query'>,
) => Promise<FigureRow[]>;

/** One stored month: every measure of the park, and per source that groups by ZONE its zone rows. */
export interface MonthSnapshot {
  monthEnd: string;
  computedAt: Date;
  parkValues: Record<string, number>;
  zoneRows: Record<string, { zoneCode: string | null; values: Record<string, number> }[]>;
}

/** The first day of the month of `date` (YYYY-MM-DD). */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/** True when `date` is the last day of its month. */
export function isMonthEnd(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
}

/**
 * Month-end snapshots of every measure, per park and per zone, for closed months (the month of `today` and later are
 * never stored: their data is still moving). A missing month is computed on the first read and stored; the triggers of
 * migration AddFigureSnapshots delete a park's snapshots from the month of a correction on, so the next read computes
 * them again.
 *
 * Concurrency: computation runs under a per-park advisory lock and reads again after taking it, so concurrent readers
 * compute a month once; the primary key (park, month) and ON CONFLICT keep one row. A correction committed while a
 * reader computes raises the park's epoch: the reader compares the epoch it started with, under the epoch row's lock,
 * and then does not store (it still answers what it computed).
 */
@Injectable()
export class FigureSnapshotsService {
  private readonly logger = new Logger(FigureSnapshotsService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The snapshots of `monthEnds` (closed month ends) of the park, computing and storing the missing ones. */
  async read(
    parkId: string,
    monthEnds: string[],
    compute: ComputeFigures,
  ): Promise<Map<string, MonthSnapshot>> {
    const found = await this.stored(this.db.manager, parkId, monthEnds);
    if (found.size === monthEnds.length) return found;
    return inTransaction(this.db, async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_FIGURE_SNAPSHOTS, parkId]);
      // Another reader may have stored them while this one waited.
      const again = await this.stored(m, parkId, monthEnds);
      const missing = monthEnds.filter((d) => !again.has(d));
      if (missing.length === 0) return again;
      const [{ epoch }] = await m.query<{ epoch: string }[]>(
        `SELECT coalesce((SELECT epoch FROM figure_snapshot_epoch WHERE park_id = $1), 0)::text AS epoch`,
        [parkId],
      );
      const computed = await this.computeMonths(missing, compute, m);
      // Lock the epoch row (waiting for a correction committing now) and store only if nothing changed meanwhile.
      const [now] = await m.query<{ epoch: string }[]>(
        `INSERT INTO figure_snapshot_epoch AS f (park_id, epoch) VALUES ($1, 0)
         ON CONFLICT (park_id) DO UPDATE SET epoch = f.epoch RETURNING epoch::text AS epoch`,
        [parkId],
      );
      if (now.epoch !== epoch) {
        this.logger.log(`Data of park ${parkId} changed while its snapshots were computed; not stored`);
        for (const s of computed) again.set(s.monthEnd, s);
        return again;
      }
      const rows = await m.query<{ month_end: string; computed_at: Date }[]>(
        `INSERT INTO figure_snapshot (park_id, month_end, park_values, zone_rows)
         SELECT $1, s.month_end, s.park_values, s.zone_rows
         FROM jsonb_to_recordset($2::jsonb) AS s(month_end date, park_values jsonb, zone_rows jsonb)
         ON CONFLICT (park_id, month_end) DO UPDATE
           SET park_values = EXCLUDED.park_values, zone_rows = EXCLUDED.zone_rows, computed_at = now()
         RETURNING to_char(month_end, 'YYYY-MM-DD') AS month_end, computed_at`,
        [
          parkId,
          JSON.stringify(
            computed.map((s) => ({
              month_end: s.monthEnd,
              park_values: s.parkValues,
              zone_rows: s.zoneRows,
            })),
          ),
        ],
      );
      const at = new Map(rows.map((r) => [r.month_end, r.computed_at]));
      for (const s of computed)
        again.set(s.monthEnd, { ...s, computedAt: at.get(s.monthEnd) ?? s.computedAt });
      return again;
    });
  }

  private async stored(
    m: EntityManager,
    parkId: string,
    monthEnds: string[],
  ): Promise<Map<string, MonthSnapshot>> {
    const rows = await m.query<
      {
        month_end: string;
        computed_at: Date;
        park_values: MonthSnapshot['parkValues'];
        zone_rows: MonthSnapshot['zoneRows'];
      }[]
    >(
      `SELECT to_char(month_end, 'YYYY-MM-DD') AS month_end, computed_at, park_values, zone_rows
       FROM figure_snapshot WHERE park_id = $1 AND month_end = ANY($2::date[])`,
      [parkId, monthEnds],
    );
    const names = allMeasures().map((d) => d.name);
    return new Map(
      rows
        // A snapshot stored before a measure was added lacks it: computed again (and replaced) like a missing one.
        .filter((r) => names.every((n) => n in r.park_values))
        .map((r) => [
          r.month_end,
          {
            monthEnd: r.month_end,
            computedAt: r.computed_at,
            parkValues: r.park_values,
            zoneRows: r.zone_rows,
          },
        ]),
    );
  }

  /** Every measure on the dates: one statement per source for the park, one per source that groups by ZONE. */
  private async computeMonths(
    dates: string[],
    compute: ComputeFigures,
    m: EntityManager,
  ): Promise<MonthSnapshot[]> {
    const defs = allMeasures();
    const park = await compute(dates, defs, [], m);
    const snapshots = new Map<string, MonthSnapshot>(
      park.map((r) => [
        r.date,
        {
          monthEnd: r.date,
          computedAt: new Date(),
          parkValues: Object.fromEntries(r.values.map((v) => [v.measure, v.value])),
          zoneRows: {},
        },
      ]),
    );
    const sources = [...new Set(defs.map((d) => d.source))].filter((s) => s.dimensions.ZONE);
    for (const source of sources) {
      const rows = await compute(
        dates,
        defs.filter((d) => d.source === source),
        [FigureDimension.ZONE],
        m,
      );
      for (const r of rows) {
        const s = snapshots.get(r.date)!;
        (s.zoneRows[source.name] ??= []).push({
          zoneCode: r.zoneCode,
          values: Object.fromEntries(r.values.map((v) => [v.measure, v.value])),
        });
      }
    }
    return [...snapshots.values()];
  }
}
