import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ForbiddenError, UserInputError } from '../../common/errors/app-error';
import { today } from '../../graphql/scalars/date.scalar';
import { PARK_READERS } from '../access/access.decorators';
import { granted } from '../access/access-plan';
import { Actor } from '../access/principal';
import { Industry, Province } from '../enterprises/enterprise.enums';
import { OccupancyService } from '../occupancy/occupancy.service';
import { FiguresArgs } from './dto/figures.args';
import { FigureRow } from './figures.models';
import { dimensionColumn, figuresSql, measureColumn } from './figures-sql';
import { dimensionsOf, FigureDimension, MeasureDefinition, measureDefinition } from './measure-registry';
import { monthEnds } from './months';
import { FigureSnapshotsService, isMonthEnd, MonthSnapshot, monthStart } from './figure-snapshots.service';

/** A park (or zone) scope and the dates of the figures. */
export interface FigureScope {
  parkId: string;
  zoneId: string | null;
  dates: string[];
}

/**
 * Grouped figures over the measure registry: one statement per source of the requested measures (one in all when
 * they share a source), rows merged by date and dimension values.
 */
@Injectable()
export class FiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly occupancy: OccupancyService,
    private readonly snapshots: FigureSnapshotsService,
  ) {}

  /**
   * The definitions of `names`, refusing unknown ones, dimensions a measure cannot be grouped by, a zone scope for a
   * measure without zones (BAD_USER_INPUT naming both), and measures the caller's role may not read (FORBIDDEN).
   */
  definitions(
    actor: Actor,
    names: readonly string[],
    groupBy: readonly FigureDimension[] = [],
    zoned = false,
  ): MeasureDefinition[] {
    const defs = [...new Set(names)].map((name) => {
      const d = measureDefinition(name);
      if (!d) throw UserInputError.field('measures', `unknown measure ${name}`);
      return d;
    });
    for (const d of defs) {
      const supported = dimensionsOf(d);
      const missing = groupBy.filter((g) => !supported.includes(g));
      if (missing.length > 0)
        throw UserInputError.field('groupBy', `${d.name} cannot be grouped by ${missing.join(', ')}`);
      if (zoned && d.source.zoned === false)
        throw UserInputError.field('zoneCode', `${d.name} has no zones (its rows are park-wide)`);
      if (!granted(d.source.readers ?? PARK_READERS, actor.principal))
        throw new ForbiddenError(`Your role does not allow the measure ${d.name}`, { denied: d.name });
    }
    return defs;
  }

  async figures(actor: Actor, args: FiguresArgs): Promise<FigureRow[]> {
    const groupBy = [...new Set(args.groupBy ?? [])];
    const defs = this.definitions(actor, args.measures, groupBy, !!args.zoneCode);
    let dates: string[];
    if (groupBy.includes(FigureDimension.MONTH)) {
      if (!args.from) throw UserInputError.field('from', 'is required when grouping by MONTH');
      if (!args.to) throw UserInputError.field('to', 'is required when grouping by MONTH');
      dates = monthEnds(args.from, args.to);
    } else {
      dates = [args.asOf ?? today()];
    }
    const scope = await this.occupancy.scope(actor, args.parkCode, args.zoneCode);
    if (!groupBy.includes(FigureDimension.MONTH)) return this.compute({ ...scope, dates }, defs, groupBy);
    return this.monthly({ ...scope, dates }, scope.zoneId ? (args.zoneCode ?? null) : null, defs, groupBy);
  }

  /**
   * Rows by MONTH: closed months (before the month of today) come from the stored month-end snapshots
   * (figure-snapshots.service.ts) when the request can be answered from them (the park or a zone, grouped by nothing
   * else than ZONE, and for a zone only measures that group by ZONE); the current month, a `to` that is not a month
   * end, and other groupings are computed live. Both give the same numbers (reports-snapshots.e2e-spec.ts).
   */
  private async monthly(
    scope: FigureScope,
    zoneCode: string | null,
    defs: readonly MeasureDefinition[],
    groupBy: readonly FigureDimension[],
  ): Promise<FigureRow[]> {
    const dims = groupBy.filter((g) => g !== FigureDimension.MONTH);
    const byZone = dims.includes(FigureDimension.ZONE);
    const servable =
      dims.every((g) => g === FigureDimension.ZONE) &&
      (!(byZone || scope.zoneId) || defs.every((d) => d.source.dimensions.ZONE));
    const firstOpen = monthStart(today());
    const closed = servable ? scope.dates.filter((d) => d < firstOpen && isMonthEnd(d)) : [];
    const open = scope.dates.filter((d) => !closed.includes(d));
    const rows = open.length > 0 ? await this.compute({ ...scope, dates: open }, defs, groupBy) : [];
    if (closed.length > 0) {
      const snapshots = await this.snapshots.read(scope.parkId, closed, (dates, measures, g, db) =>
        this.compute({ parkId: scope.parkId, zoneId: null, dates }, measures, g, db),
      );
      for (const d of closed) rows.push(...snapshotRows(snapshots.get(d)!, defs, byZone, zoneCode));
    }
    return rows.sort(compareRows);
  }

  /** Runs the figures statements of `defs` in `scope`; used by `figures`, published figures and snapshots. */
  async compute(
    scope: FigureScope,
    defs: readonly MeasureDefinition[],
    groupBy: readonly FigureDimension[],
    db: Pick<DataSource, 'query'> = this.db,
  ): Promise<FigureRow[]> {
    const bySource = new Map<MeasureDefinition['source'], MeasureDefinition[]>();
    for (const d of defs) bySource.set(d.source, [...(bySource.get(d.source) ?? []), d]);
    const dims: FigureDimension[] = groupBy.filter((g) => g !== FigureDimension.MONTH);
    const rows = new Map<string, FigureRow & { byName: Map<string, number> }>();
    for (const measures of bySource.values()) {
      const result = await db.query<Record<string, string | number | null>[]>(figuresSql(measures, groupBy), [
        scope.parkId,
        scope.zoneId,
        scope.dates,
      ]);
      for (const r of result) {
        const dimValues = dims.map((g) => r[dimensionColumn(g)] ?? null);
        const key = JSON.stringify([r.point, ...dimValues]);
        let row = rows.get(key);
        if (!row) {
          const at = (g: FigureDimension) =>
            dims.includes(g) ? (r[dimensionColumn(g)] as string | null) : null;
          row = {
            date: r.point as string,
            zoneCode: at(FigureDimension.ZONE),
            industry: at(FigureDimension.INDUSTRY) as Industry | null,
            originProvince: at(FigureDimension.ORIGIN_PROVINCE) as Province | null,
            values: [],
            computedAt: null,
            byName: new Map(),
          };
          rows.set(key, row);
        }
        for (const m of measures) row.byName.set(m.name, Number(r[measureColumn(m.name)] ?? 0));
      }
    }
    // A group one source has and another lacks (e.g. a zone with units but no machines) shows 0 for the other.
    return [...rows.values()]
      .sort((a, b) => compareRows(a, b))
      .map(({ byName, ...row }) => ({
        ...row,
        values: defs.map((d) => ({ measure: d.name, value: byName.get(d.name) ?? 0 })),
      }));
  }
}

/** The rows of a stored month for `defs`, merged across sources as compute() merges them (0 where one lacks a zone). */
function snapshotRows(
  s: MonthSnapshot,
  defs: readonly MeasureDefinition[],
  byZone: boolean,
  zoneCode: string | null,
): FigureRow[] {
  const row = (zone: string | null, value: (name: string) => number | undefined): FigureRow => ({
    date: s.monthEnd,
    zoneCode: zone,
    industry: null,
    originProvince: null,
    computedAt: s.computedAt,
    values: defs.map((d) => ({ measure: d.name, value: value(d.name) ?? 0 })),
  });
  if (!byZone && !zoneCode) return [row(null, (n) => s.parkValues[n])];
  const zones = new Map<string | null, Map<string, number>>();
  for (const source of new Set(defs.map((d) => d.source))) {
    for (const z of s.zoneRows[source.name] ?? []) {
      const values = zones.get(z.zoneCode) ?? new Map<string, number>();
      for (const d of defs) if (d.source === source) values.set(d.name, z.values[d.name] ?? 0);
      zones.set(z.zoneCode, values);
    }
  }
  if (zoneCode) return [row(null, (n) => zones.get(zoneCode)?.get(n))];
  return [...zones].map(([zone, values]) => row(zone, (n) => values.get(n)));
}

function compareRows(a: FigureRow, b: FigureRow): number {
  const keys: (keyof FigureRow)[] = ['date', 'zoneCode', 'industry', 'originProvince'];
  for (const k of keys) {
    const x = (a[k] as string | null) ?? '\uffff';
    const y = (b[k] as string | null) ?? '\uffff';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
