import { EntityManager } from 'typeorm';
import { LeadStage } from '../modules/recruitment/recruitment.enums';
import { DemoEnterprise, DemoTenancy } from './demo-data';
import { buildDemoRecruitment } from './demo-recruitment';

/**
 * Writes the demo recruitment events, leads, their source events and stage histories. Owners are the demo users
 * `leasing` and `admin` when they exist (else none). Returns the numbers of events and leads.
 */
export async function seedDemoRecruitment(
  m: EntityManager,
  ctx: { parkId: string; enterprises: DemoEnterprise[]; tenancies: DemoTenancy[]; enterpriseIds: string[] },
): Promise<{ events: number; leads: number }> {
  const data = buildDemoRecruitment(ctx.enterprises, ctx.tenancies);
  const events = await m.query<{ id: string; title: string }[]>(
    `INSERT INTO recruitment_event (park_id, kind, title, held_on, place, organiser, attendance)
     SELECT $2, x.kind::recruitment_event_kind, x.title, x.held_on, x.place, x.organiser, x.attendance
     FROM jsonb_to_recordset($1::jsonb) AS x(kind text, title text, held_on date, place text, organiser text, attendance int)
     RETURNING id, title`,
    [
      JSON.stringify(
        data.events.map((e) => ({
          kind: e.kind,
          title: e.title,
          held_on: e.heldOn,
          place: e.place,
          organiser: e.organiser,
          attendance: e.attendance,
        })),
      ),
      ctx.parkId,
    ],
  );
  const eventId = new Map(events.map((e) => [e.title, e.id]));
  const users = await m.query<{ id: string; username: string }[]>(
    `SELECT id, username FROM app_user WHERE username IN ('leasing', 'admin') AND demo`,
  );
  const owners = ['leasing', 'admin'].map((u) => users.find((x) => x.username === u)?.id ?? null);
  const rows = data.leads.map((l, i) => {
    const last = l.stages[l.stages.length - 1];
    const stage = last?.stage ?? LeadStage.NEW;
    return {
      n: i,
      name: l.name,
      credit_code: l.creditCode,
      industry: l.industry,
      origin_province: l.originProvince,
      origin_city: l.originCity,
      owner_id: owners[l.owner],
      stage,
      created_on: l.createdOn,
      stage_on: last?.on ?? l.createdOn,
      lost_reason: stage === LeadStage.LOST ? last.note : null,
      next_follow_up_on: l.nextFollowUpOn,
      enterprise_id: l.enterprise === undefined ? null : ctx.enterpriseIds[l.enterprise],
      converted_on: stage === LeadStage.CONVERTED ? last.on : null,
    };
  });
  const leads = await m.query<{ id: string }[]>(
    `INSERT INTO lead (park_id, name, credit_code, industry, origin_province, origin_city, owner_id, stage, created_on,
                       stage_on, lost_reason, next_follow_up_on, enterprise_id, converted_on, contact_name)
     SELECT $2, x.name, x.credit_code, x.industry::industry, x.origin_province::province, x.origin_city, x.owner_id,
            x.stage::lead_stage, x.created_on, x.stage_on, x.lost_reason, x.next_follow_up_on, x.enterprise_id,
            x.converted_on, '示例联系人（示意）'
     FROM jsonb_to_recordset($1::jsonb) AS x(n int, name text, credit_code text, industry text, origin_province text,
          origin_city text, owner_id uuid, stage text, created_on date, stage_on date, lost_reason text,
          next_follow_up_on date, enterprise_id uuid, converted_on date)
     RETURNING id`,
    [JSON.stringify(rows), ctx.parkId],
  );
  // RETURNING promises no order: map ids back by name, which is unique among the demo leads.
  const named = await m.query<{ id: string; name: string }[]>(
    'SELECT id, name FROM lead WHERE park_id = $1',
    [ctx.parkId],
  );
  const leadId = new Map(named.map((r) => [r.name, r.id]));
  await m.query(
    `INSERT INTO lead_event (lead_id, event_id, park_id)
     SELECT x.lead_id, x.event_id, $2 FROM jsonb_to_recordset($1::jsonb) AS x(lead_id uuid, event_id uuid)`,
    [
      JSON.stringify(
        data.leads.map((l) => ({
          lead_id: leadId.get(l.name),
          event_id: eventId.get(data.events[l.event].title),
        })),
      ),
      ctx.parkId,
    ],
  );
  await m.query(
    `INSERT INTO lead_stage_event (lead_id, stage, effective_on, note, recorded_at)
     SELECT x.lead_id, x.stage::lead_stage, x.effective_on, x.note, x.effective_on::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS x(lead_id uuid, stage text, effective_on date, note text)`,
    [
      JSON.stringify(
        data.leads.flatMap((l) => [
          { lead_id: leadId.get(l.name), stage: LeadStage.NEW, effective_on: l.createdOn, note: 'demo data' },
          ...l.stages.map((s) => ({
            lead_id: leadId.get(l.name),
            stage: s.stage,
            effective_on: s.on,
            note: s.note ?? 'demo data',
          })),
        ]),
      ),
    ],
  );
  return { events: events.length, leads: leads.length };
}
