import { registerEnumType } from '@nestjs/graphql';
import type { Grant } from '../access/access.decorators';

/** What a figure can be grouped by. MONTH gives one row per month end between `from` and `to`. */
export enum FigureDimension {
  ZONE = 'ZONE',
  INDUSTRY = 'INDUSTRY',
  ORIGIN_PROVINCE = 'ORIGIN_PROVINCE',
  MONTH = 'MONTH',
}

registerEnumType(FigureDimension, {
  name: 'FigureDimension',
  description: 'What the rows of `figures` are grouped by (whitelisted: no client text becomes SQL).',
  valuesMap: {
    ZONE: { description: 'The zone of the unit (or of the unit a machine stands in).' },
    INDUSTRY: { description: 'The industry of the enterprise (null for vacant units).' },
    ORIGIN_PROVINCE: { description: 'The origin province of the enterprise (null for vacant units).' },
    MONTH: { description: 'One row per month end between from and to (the last one is `to` itself).' },
  },
});

/** The dimensions a source can group by, other than MONTH (which every source supports through its date). */
export type SourceDimension = Exclude<FigureDimension, FigureDimension.MONTH>;

/**
 * The rows measures aggregate over, as JOIN clauses appended to `FROM unnest($3::date[]) AS pt(d)`: the fragment may
 * use `pt.d` (the date of the figure), `$1` (park id) and `$2` (zone id or null), and must keep one row per point
 * even when nothing matches (LEFT JOINs), so that an empty park still gives zeros. Written by us, never by clients.
 */
export interface MeasureSource {
  /** A name for statement grouping and for published figures' inputs. */
  name: string;
  joins: string;
  /** SQL giving each supported dimension's value (text) over the joined rows. */
  dimensions: Partial<Record<SourceDimension, string>>;
  /** Audit log entity types whose changes can change the figures of this source (verifyPublishedFigure). */
  auditedEntities: string[];
  /**
   * Who may read the measures of this source (default: every park reader). The same grants as the module's own
   * figure type, e.g. ParkRent's finance readers, so that `figures` is not a way around them.
   */
  readers?: readonly Grant[];
  /**
   * False when the rows have no zone (trainees, agreements, leads): a zone scope is refused, not ignored. Such joins
   * still name `$2::uuid IS NULL` in their condition (the statement always binds $2, and no zone means no rows).
   */
  zoned?: boolean;
}

/** One figure, defined once, in the module that owns the data. */
export interface MeasureDefinition {
  /** The GraphQL enum value (SCREAMING_SNAKE_CASE). */
  name: string;
  /** What clients read in the schema and in published figures. */
  description: string;
  source: MeasureSource;
  /** An aggregate over the source's rows, giving a float8 (or something castable to it). */
  sql: string;
}

/**
 * The GraphQL enum `Measure`, filled by defineMeasures() as the domain modules are imported, i.e. before the schema
 * is built (AppModule imports every domain module first). A module adds measures by adding its `*.measures.ts` file
 * and importing it from its module file; nothing here changes.
 */
export const Measure: Record<string, string> = {};
const valuesMap: Record<string, { description: string }> = {};
registerEnumType(Measure, {
  name: 'Measure',
  description:
    'A park figure that `figures`, snapshots and published figures compute; each is defined once in code.',
  valuesMap,
});

const registry = new Map<string, MeasureDefinition>();

/** Registers measures; a name registered twice is a programming error. */
export function defineMeasures<const T extends readonly MeasureDefinition[]>(
  definitions: T,
): { [K in T[number]['name']]: MeasureDefinition } {
  const byName = {} as Record<string, MeasureDefinition>;
  for (const d of definitions) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(d.name)) throw new Error(`Measure name ${d.name} is not an enum value`);
    if (registry.has(d.name)) throw new Error(`Measure ${d.name} is defined twice`);
    registry.set(d.name, d);
    Measure[d.name] = d.name;
    valuesMap[d.name] = { description: d.description };
    byName[d.name] = d;
  }
  return byName as { [K in T[number]['name']]: MeasureDefinition };
}

export function measureDefinition(name: string): MeasureDefinition | undefined {
  return registry.get(name);
}

export function allMeasures(): MeasureDefinition[] {
  return [...registry.values()];
}

/** The dimensions a measure supports. */
export function dimensionsOf(m: MeasureDefinition): FigureDimension[] {
  return [...(Object.keys(m.source.dimensions) as FigureDimension[]), FigureDimension.MONTH];
}
