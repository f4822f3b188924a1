import { FigureDimension, MeasureDefinition, SourceDimension } from './measure-registry';

/** Column alias of a measure or dimension in the figures statement (names are enum values: safe identifiers). */
export const measureColumn = (name: string): string => `m_${name.toLowerCase()}`;
export const dimensionColumn = (d: FigureDimension): string => `g_${d.toLowerCase()}`;

/**
 * One statement computing `measures` (all of one source) per point date and per the chosen dimensions.
 * Parameters: $1 park id, $2 zone id or null, $3 the dates (date[]). Every piece of SQL comes from the registry;
 * the client only picks enum values.
 */
export function figuresSql(
  measures: readonly MeasureDefinition[],
  groupBy: readonly FigureDimension[],
): string {
  const source = measures[0]?.source;
  if (!source) throw new Error('figuresSql needs at least one measure');
  if (measures.some((m) => m.source !== source)) throw new Error('figuresSql takes measures of one source');
  const dims = groupBy.filter((d): d is SourceDimension => d !== FigureDimension.MONTH);
  const dimSql = dims.map((d) => {
    const sql = source.dimensions[d];
    if (!sql) throw new Error(`Source ${source.name} cannot group by ${d}`);
    return `${sql} AS ${dimensionColumn(d)}`;
  });
  const select = [
    `to_char(pt.d, 'YYYY-MM-DD') AS point`,
    ...dimSql,
    ...measures.map((m) => `(${m.sql})::float8 AS ${measureColumn(m.name)}`),
  ];
  const groups = ['pt.d', ...dims.map((d) => dimensionColumn(d))];
  return `SELECT ${select.join(',\n       ')}
FROM unnest($3::date[]) AS pt(d)
${source.joins}
GROUP BY ${groups.join(', ')}
ORDER BY ${groups.map((g) => `${g} NULLS LAST`).join(', ')}`;
}
