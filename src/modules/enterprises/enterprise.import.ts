import { OmitType } from '@nestjs/graphql';
import { defineImport, parseBoolean, parseText } from '../reports/import/import-registry';
import { CreateEnterpriseInput } from './dto/enterprise.inputs';

/** An enterprise row of a spreadsheet: createEnterprise's input (its validation) without the park, which the URL names. */
export class EnterpriseImportRow extends OmitType(CreateEnterpriseInput, ['parkCode'] as const) {}

/**
 * Spreadsheet import of enterprises (reports/import) under createEnterprise's rules and access rule: the credit code's
 * check character, the industry and province enums, phones. Headers in Chinese or English (the export's names too).
 */
export const ENTERPRISE_IMPORT = defineImport<EnterpriseImportRow>({
  entity: 'enterprises',
  operation: 'Mutation.createEnterprise',
  rowClass: EnterpriseImportRow,
  batchSize: 5000,
  columns: [
    {
      field: 'name',
      headers: ['企业名称', 'name'],
      required: true,
      description: 'Registered Chinese name.',
      parse: parseText,
    },
    {
      field: 'nameEn',
      headers: ['英文名称', 'nameEn'],
      required: false,
      description: 'English name.',
      parse: parseText,
    },
    {
      field: 'creditCode',
      headers: ['统一社会信用代码', 'creditCode'],
      required: true,
      description:
        'Unified social credit code (18 characters, GB 32100-2015 check character); unique in the park.',
      parse: (s) => parseText(s.toUpperCase()),
    },
    {
      field: 'industry',
      headers: ['行业', 'industry'],
      required: true,
      description: 'STONE_MATERIAL, SCULPTURE, STONE_CARVING, … (Industry).',
      parse: parseText,
    },
    {
      field: 'originProvince',
      headers: ['来源省份', 'originProvince'],
      required: true,
      description: 'SICHUAN, CHONGQING, FUJIAN, … (Province).',
      parse: parseText,
    },
    {
      field: 'originCity',
      headers: ['来源城市', 'originCity'],
      required: false,
      description: 'City of origin.',
      parse: parseText,
    },
    {
      field: 'leading',
      headers: ['龙头企业', 'leading'],
      required: false,
      description: 'true/false, 是/否 (default false).',
      parse: parseBoolean,
    },
    {
      field: 'contactName',
      headers: ['联系人', 'contactName'],
      required: false,
      description: 'Contact person.',
      parse: parseText,
    },
    {
      field: 'contactPhone',
      headers: ['联系电话', 'contactPhone'],
      required: false,
      description: 'Contact phone.',
      parse: parseText,
    },
    {
      field: 'registeredOn',
      headers: ['入驻登记日期', 'registeredOn'],
      required: false,
      description: 'Date registered in the park (YYYY-MM-DD).',
      parse: parseText,
    },
  ],
  uniqueKey: (row) => row.creditCode,
  uniqueField: 'creditCode',
  async checkBatch({ parkId, m }, rows) {
    const taken = await m.query<{ i: number }[]>(
      `SELECT r.i FROM unnest($2::text[]) WITH ORDINALITY AS r(credit_code, i)
       JOIN enterprise e ON e.park_id = $1 AND e.credit_code = r.credit_code`,
      [parkId, rows.map((r) => r.creditCode)],
    );
    return taken.map((row) => ({
      index: Number(row.i) - 1,
      error: {
        field: 'creditCode',
        message: 'an enterprise with this credit code is registered in the park',
      },
    }));
  },
  async insertBatch({ parkId, m }, rows) {
    const inserted = await m.query<{ n: number }[]>(
      `WITH ins AS (
         INSERT INTO enterprise (park_id, name, name_en, credit_code, industry, origin_province, origin_city, "leading",
                                 contact_name, contact_phone, registered_on)
         SELECT $1, e.name, e.name_en, e.credit_code, e.industry::industry, e.origin_province::province, e.origin_city,
                e."leading", e.contact_name, e.contact_phone, e.registered_on
         FROM jsonb_to_recordset($2::jsonb) AS e(name text, name_en text, credit_code text, industry text,
              origin_province text, origin_city text, "leading" boolean, contact_name text, contact_phone text,
              registered_on date)
         RETURNING 1
       ) SELECT count(*)::int AS n FROM ins`,
      [
        parkId,
        JSON.stringify(
          rows.map((e) => ({
            name: e.name,
            name_en: e.nameEn ?? null,
            credit_code: e.creditCode,
            industry: e.industry,
            origin_province: e.originProvince,
            origin_city: e.originCity ?? null,
            leading: e.leading ?? false,
            contact_name: e.contactName ?? null,
            contact_phone: e.contactPhone ?? null,
            registered_on: e.registeredOn ?? null,
          })),
        ),
      ],
    );
    return inserted[0]?.n ?? 0;
  },
});
