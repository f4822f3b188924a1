import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { PiiCipher } from '../modules/talent/pii/pii-cipher';
import { Gender } from '../modules/talent/talent.enums';
import { insertPeople, NewPerson } from '../modules/talent/trainee-writes.service';
import { genderOf, birthDateOf } from '../modules/talent/pii/resident-id';
import {
  DEMO_CERTIFICATE,
  DEMO_COHORT,
  DEMO_COHORT_DATES,
  DEMO_CONTEST,
  DEMO_ENTRANTS,
  DEMO_FINALISTS,
  DEMO_PROGRAMS,
  DEMO_TARGET,
  demoCarvers,
  DemoPerson,
  demoStudents,
} from './demo-talent';

/** Inserts people through the module's one multi-row INSERT (ID numbers sealed with the app's key); ids in order. */
async function insertDemoPeople(
  m: EntityManager,
  pii: PiiCipher,
  parkId: string,
  people: DemoPerson[],
): Promise<string[]> {
  const rows: NewPerson[] = people.map((p) => ({
    id: randomUUID(),
    name: p.name,
    idNumber: p.idNumber,
    gender: genderOf(p.idNumber) as Gender,
    birthOn: birthDateOf(p.idNumber),
    phone: p.phone,
    homeRegion: p.homeRegion,
  }));
  await insertPeople(m, pii, parkId, rows);
  return rows.map((r) => r.id);
}

/**
 * Writes the demo talent pipeline: programs, the art college's first cohort of 156 with its status history, the 38
 * certified carvers, the contest's western round with 27 finalists, and the 3000-worker target. Returns counts.
 */
export async function seedDemoTalent(
  m: EntityManager,
  ctx: { parkId: string; zoneIds: Map<string, string>; pii: PiiCipher; institutionIds: Map<string, string> },
): Promise<{ trainees: number; certified: number; finalists: number }> {
  const programs = await m.query<{ id: string; code: string }[]>(
    `INSERT INTO talent_program (park_id, code, name, name_en)
     SELECT $1, p.code, p.name, p.name_en FROM jsonb_to_recordset($2::jsonb) AS p(code text, name text, name_en text)
     RETURNING id, code`,
    [
      ctx.parkId,
      JSON.stringify(DEMO_PROGRAMS.map((p) => ({ code: p.code, name: p.name, name_en: p.nameEn }))),
    ],
  );
  const programId = new Map(programs.map((p) => [p.code, p.id]));
  const [cohort] = await m.query<{ id: string }[]>(
    `INSERT INTO cohort (park_id, program_id, code, name, intake_on, planned_size, zone_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      ctx.parkId,
      programId.get(DEMO_COHORT.program),
      DEMO_COHORT.code,
      DEMO_COHORT.name,
      DEMO_COHORT.intakeOn,
      DEMO_COHORT.plannedSize,
      ctx.zoneIds.get(DEMO_COHORT.zone),
    ],
  );
  // Delivered by the art college's two partners, found by name in the park's partner register.
  const delivering = DEMO_COHORT.institutions.map((name) => {
    const id = ctx.institutionIds.get(name);
    if (!id) throw new Error(`Demo institution ${name} is missing from the partner register`);
    return id;
  });
  await m.query(
    'INSERT INTO cohort_institution (cohort_id, institution_id, park_id) SELECT $1, x.id, $3 FROM unnest($2::uuid[]) AS x(id)',
    [cohort.id, delivering, ctx.parkId],
  );
  const students = await insertDemoPeople(m, ctx.pii, ctx.parkId, demoStudents());
  await m.query(
    'INSERT INTO cohort_trainee (cohort_id, trainee_id, joined_on) SELECT $1, x.id, $3 FROM unnest($2::uuid[]) AS x(id)',
    [cohort.id, students, DEMO_COHORT_DATES.enrolled],
  );
  const groups = DEMO_COHORT_DATES.inPark;
  const events = students.flatMap((id, i) => [
    { id, status: 'ENROLLED', on: DEMO_COHORT_DATES.enrolled },
    { id, status: 'IN_TRAINING', on: DEMO_COHORT_DATES.inTraining },
    { id, status: 'IN_PARK', on: groups[Math.floor((i * groups.length) / students.length)] },
  ]);
  await m.query(
    `INSERT INTO trainee_status_event (trainee_id, status, effective_on, recorded_by)
     SELECT x.id, x.status::trainee_status, x.effective_on, 'demo data'
     FROM unnest($1::uuid[], $2::text[], $3::date[]) AS x(id, status, effective_on)`,
    [events.map((e) => e.id), events.map((e) => e.status), events.map((e) => e.on)],
  );
  const carvers = await insertDemoPeople(m, ctx.pii, ctx.parkId, demoCarvers());
  await m.query(
    `INSERT INTO certification (park_id, trainee_id, occupation, level, certificate_number, issuer, issued_on)
     SELECT $1, x.id, $3, $4, 'DEMO-2023-' || lpad(x.n::text, 4, '0'), $5, $6
     FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, n)`,
    [
      ctx.parkId,
      carvers,
      DEMO_CERTIFICATE.occupation,
      DEMO_CERTIFICATE.level,
      DEMO_CERTIFICATE.issuer,
      DEMO_CERTIFICATE.issuedOn,
    ],
  );
  const [contest] = await m.query<{ id: string }[]>(
    `INSERT INTO contest (park_id, name, level, round, host, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id`,
    [
      ctx.parkId,
      DEMO_CONTEST.name,
      DEMO_CONTEST.level,
      DEMO_CONTEST.round,
      DEMO_CONTEST.host,
      DEMO_CONTEST.startsOn,
      DEMO_CONTEST.endsOn,
    ],
  );
  await m.query(
    `INSERT INTO contest_entry (park_id, contest_id, trainee_id, rank, recommended, result)
     SELECT $1, $2, x.id, x.n, x.n <= $4, CASE WHEN x.n <= $4 THEN '晋级总决赛' ELSE '未晋级' END
     FROM unnest($3::uuid[]) WITH ORDINALITY AS x(id, n)`,
    [ctx.parkId, contest.id, carvers.slice(0, DEMO_ENTRANTS), DEMO_FINALISTS],
  );
  await m.query(
    `INSERT INTO talent_target (park_id, name, metric, program_id, value, starts_on, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      ctx.parkId,
      DEMO_TARGET.name,
      DEMO_TARGET.metric,
      programId.get(DEMO_TARGET.program),
      DEMO_TARGET.value,
      DEMO_TARGET.startsOn,
      DEMO_TARGET.dueOn,
    ],
  );
  return { trainees: students.length + carvers.length, certified: carvers.length, finalists: DEMO_FINALISTS };
}
