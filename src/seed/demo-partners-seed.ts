import { EntityManager } from 'typeorm';
import { DEMO_INSTITUTIONS } from './demo-partners';

/** Writes the demo institutions and their contacts; returns institution id by name. */
export async function seedDemoInstitutions(m: EntityManager, parkId: string): Promise<Map<string, string>> {
  const rows = await m.query<{ id: string; name: string }[]>(
    `INSERT INTO institution (park_id, name, name_en, kind, region)
     SELECT $2, x.name, x.name_en, x.kind::institution_kind, x.region
     FROM jsonb_to_recordset($1::jsonb) AS x(name text, name_en text, kind text, region text)
     RETURNING id, name`,
    [
      JSON.stringify(
        DEMO_INSTITUTIONS.map((i) => ({ name: i.name, name_en: i.nameEn, kind: i.kind, region: i.region })),
      ),
      parkId,
    ],
  );
  const id = new Map(rows.map((r) => [r.name, r.id]));
  const contacts = DEMO_INSTITUTIONS.flatMap((i) =>
    (i.contacts ?? []).map((c, position) => ({ institution_id: id.get(i.name), position, ...c })),
  );
  await m.query(
    `INSERT INTO institution_contact (institution_id, position, name, title, phone)
     SELECT x.institution_id, x.position, x.name, x.title, x.phone
     FROM jsonb_to_recordset($1::jsonb) AS x(institution_id uuid, position smallint, name text, title text, phone text)`,
    [JSON.stringify(contacts)],
  );
  return id;
}
