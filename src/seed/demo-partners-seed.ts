import { EntityManager } from 'typeorm';
import { DEMO_AGREEMENTS, DEMO_INSTITUTIONS } from './demo-partners';

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

/** Writes the demo agreements, their parties and obligations. Returns the number of agreements. */
export async function seedDemoAgreements(
  m: EntityManager,
  parkId: string,
  institutionIds: Map<string, string>,
): Promise<number> {
  const rows = await m.query<{ id: string; title: string }[]>(
    `INSERT INTO agreement (park_id, title, kind, signed_on, starts_on, ends_on)
     SELECT $2, x.title, x.kind::agreement_kind, x.signed_on, x.starts_on, x.ends_on
     FROM jsonb_to_recordset($1::jsonb) AS x(title text, kind text, signed_on date, starts_on date, ends_on date)
     RETURNING id, title`,
    [
      JSON.stringify(
        DEMO_AGREEMENTS.map((a) => ({
          title: a.title,
          kind: a.kind,
          signed_on: a.signedOn,
          starts_on: a.startsOn,
          ends_on: a.endsOn,
        })),
      ),
      parkId,
    ],
  );
  const id = new Map(rows.map((r) => [r.title, r.id]));
  await m.query(
    `INSERT INTO agreement_party (park_id, agreement_id, institution_id)
     SELECT $2, x.agreement_id, x.institution_id FROM jsonb_to_recordset($1::jsonb) AS x(agreement_id uuid, institution_id uuid)`,
    [
      JSON.stringify(
        DEMO_AGREEMENTS.flatMap((a) =>
          a.parties.map((p) => ({ agreement_id: id.get(a.title), institution_id: institutionIds.get(p) })),
        ),
      ),
      parkId,
    ],
  );
  await m.query(
    `INSERT INTO obligation (agreement_id, description, metric, target, due_on, manual_progress)
     SELECT x.agreement_id, x.description, x.metric::obligation_metric, x.target, x.due_on, x.manual_progress
     FROM jsonb_to_recordset($1::jsonb)
       AS x(agreement_id uuid, description text, metric text, target numeric, due_on date, manual_progress numeric)`,
    [
      JSON.stringify(
        DEMO_AGREEMENTS.flatMap((a) =>
          (a.obligations ?? []).map((o) => ({
            agreement_id: id.get(a.title),
            description: o.description,
            metric: o.metric,
            target: o.target,
            due_on: o.dueOn,
            manual_progress: o.manualProgress ?? null,
          })),
        ),
      ),
    ],
  );
  return rows.length;
}
