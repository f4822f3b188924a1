import { IsString, MaxLength } from 'class-validator';
import { defineImport, parseBoolean, parseNumber, parseText } from '../reports/import/import-registry';
import { UnitInput } from './dto/space.inputs';
import { unitRuleError } from './space.service';

/** A unit row of a spreadsheet: createUnits' UnitInput (its validation) plus the zone, which a file may vary. */
export class UnitImportRow extends UnitInput {
  @IsString()
  @MaxLength(64)
  zoneCode: string;
}

/**
 * Spreadsheet import of units (reports/import): the rules of createUnits, whose access rule applies. Headers in
 * Chinese or English; the export's column names (zone.code) are accepted too, so an export imports back.
 */
export const UNIT_IMPORT = defineImport<UnitImportRow>({
  entity: 'units',
  operation: 'Mutation.createUnits',
  rowClass: UnitImportRow,
  batchSize: 5000,
  columns: [
    {
      field: 'zoneCode',
      headers: ['分区代码', 'zoneCode', 'zone.code'],
      required: true,
      description: 'Zone code.',
      parse: parseText,
    },
    {
      field: 'code',
      headers: ['单元编号', 'code'],
      required: true,
      description: 'Unit code, unique in the park.',
      parse: parseText,
    },
    {
      field: 'kind',
      headers: ['类型', 'kind'],
      required: true,
      description: 'BAY, WORKSHOP, OFFICE, … (UnitKind).',
      parse: parseText,
    },
    {
      field: 'building',
      headers: ['楼栋', 'building'],
      required: false,
      description: 'Building or hall.',
      parse: parseText,
    },
    {
      field: 'floor',
      headers: ['楼层', 'floor'],
      required: false,
      description: 'Floor (-5 to 200).',
      parse: parseNumber,
    },
    {
      field: 'floorArea',
      headers: ['面积', 'floorArea'],
      required: true,
      description: 'Floor area in m².',
      parse: parseNumber,
    },
    {
      field: 'leasable',
      headers: ['可租', 'leasable'],
      required: false,
      description: 'true/false, 是/否 (default true).',
      parse: parseBoolean,
    },
    {
      field: 'unleasableReason',
      headers: ['不可租原因', 'unleasableReason'],
      required: false,
      description: 'Required when not leasable.',
      parse: parseText,
    },
  ],
  uniqueKey: (row) => row.code,
  uniqueField: 'code',
  rowRule: (row) => unitRuleError(row),
  async checkBatch({ parkId, m }, rows) {
    const found = await m.query<{ i: number; zone: boolean; taken: boolean }[]>(
      `SELECT r.i, z.id IS NOT NULL AS zone, u.id IS NOT NULL AS taken
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS r(zone_code, code, i)
       LEFT JOIN zone z ON z.park_id = $1 AND z.code = r.zone_code
       LEFT JOIN unit u ON u.park_id = $1 AND u.code = r.code
       WHERE z.id IS NULL OR u.id IS NOT NULL`,
      [parkId, rows.map((r) => r.zoneCode), rows.map((r) => r.code)],
    );
    return found.map((f) => ({
      index: Number(f.i) - 1,
      error: f.zone
        ? { field: 'code', message: 'a unit with this code exists in the park' }
        : { field: 'zoneCode', message: 'no such zone in the park' },
    }));
  },
  async insertBatch({ parkId, m }, rows) {
    const inserted = await m.query<{ n: number }[]>(
      `WITH ins AS (
         INSERT INTO unit (park_id, zone_id, code, kind, building, floor, floor_area, leasable, unleasable_reason)
         SELECT $1, z.id, u.code, u.kind::unit_kind, u.building, u.floor, u.floor_area, u.leasable, u.unleasable_reason
         FROM jsonb_to_recordset($2::jsonb) AS u(zone_code text, code text, kind text, building text, floor smallint,
              floor_area numeric, leasable boolean, unleasable_reason text)
         JOIN zone z ON z.park_id = $1 AND z.code = u.zone_code
         RETURNING 1
       ) SELECT count(*)::int AS n FROM ins`,
      [
        parkId,
        JSON.stringify(
          rows.map((u) => ({
            zone_code: u.zoneCode,
            code: u.code,
            kind: u.kind,
            building: u.building ?? null,
            floor: u.floor ?? null,
            floor_area: u.floorArea,
            leasable: u.leasable ?? true,
            unleasable_reason: u.leasable === false ? u.unleasableReason : null,
          })),
        ),
      ],
    );
    return inserted[0]?.n ?? 0;
  },
});
