import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction';
import { Role } from '../modules/access/access.enums';
import { hashPassword } from '../modules/access/passwords';
import { buildDemoData, DEMO_PARK, DEMO_ZONES } from './demo-data';
import { seedDemoContracts } from './demo-contracts-seed';
import { seedDemoMachines } from './demo-machines-seed';
import { seedDemoAgreements, seedDemoInstitutions } from './demo-partners-seed';
import { seedDemoRecruitment } from './demo-recruitment-seed';
import { seedDemoTalent } from './demo-talent-seed';
import { PiiCipher, piiCipherOf } from '../modules/talent/pii/pii-cipher';

const logger = new Logger('DemoSeed');

/**
 * Loads the demo park once: does nothing when any park exists (so a second start loads nothing twice). One
 * transaction with an advisory lock, so two processes starting together cannot both load it.
 */
export async function seedDemoIfEmpty(
  db: DataSource,
  options: { users?: boolean; pii?: PiiCipher } = {},
): Promise<boolean> {
  // Resident ID numbers are encrypted with the key of the app that will read them: the one given, else the one the
  // app running on this DataSource registered.
  const pii = options.pii ?? piiCipherOf(db);
  if (!pii) throw new Error('seedDemoIfEmpty needs the personal-data key: pass options.pii (see PII_KEY)');
  return inTransaction(db, async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('shifosi-demo-seed'))`);
    const [{ count }] = await m.query<{ count: number }[]>('SELECT count(*)::int AS count FROM park');
    if (count > 0) return false;
    const data = buildDemoData();
    const [park] = await m.query<{ id: string }[]>(
      'INSERT INTO park (code, name, name_en) VALUES ($1, $2, $3) RETURNING id',
      [DEMO_PARK.code, DEMO_PARK.name, DEMO_PARK.nameEn],
    );
    const zones = await m.query<{ id: string; code: string }[]>(
      `INSERT INTO zone (park_id, code, name, name_en, kind)
       SELECT $1, z.code, z.name, z.name_en, z.kind::zone_kind FROM jsonb_to_recordset($2::jsonb) AS z(code text, name text, name_en text, kind text)
       RETURNING id, code`,
      [
        park.id,
        JSON.stringify(
          DEMO_ZONES.map((z) => ({ code: z.code, name: z.name, name_en: z.nameEn, kind: z.kind })),
        ),
      ],
    );
    const zoneId = new Map(zones.map((z) => [z.code, z.id]));
    const units = await m.query<{ id: string; code: string }[]>(
      `INSERT INTO unit (park_id, zone_id, code, kind, building, floor, floor_area, leasable, unleasable_reason)
       SELECT $1, u.zone_id, u.code, u.kind::unit_kind, u.building, u.floor, u.floor_area, u.leasable, u.unleasable_reason
       FROM jsonb_to_recordset($2::jsonb) AS u(zone_id uuid, code text, kind text, building text, floor smallint, floor_area numeric, leasable boolean, unleasable_reason text)
       RETURNING id, code`,
      [
        park.id,
        JSON.stringify(
          data.units.map((u) => ({
            zone_id: zoneId.get(u.zone),
            code: u.code,
            kind: u.kind,
            building: u.building,
            floor: u.floor,
            floor_area: u.floorArea,
            leasable: u.leasable,
            unleasable_reason: u.unleasableReason ?? null,
          })),
        ),
      ],
    );
    const unitId = new Map(units.map((u) => [u.code, u.id]));
    const enterpriseRows = await m.query<{ id: string; credit_code: string }[]>(
      `INSERT INTO enterprise (park_id, name, name_en, credit_code, industry, origin_province, origin_city, "leading", registered_on)
       SELECT $2, e.name, e.name_en, e.credit_code, e.industry::industry, e.origin_province::province, e.origin_city, e."leading", e.registered_on
       FROM jsonb_to_recordset($1::jsonb) AS e(name text, name_en text, credit_code text, industry text, origin_province text, origin_city text, "leading" boolean, registered_on date)
       RETURNING id, credit_code`,
      [
        JSON.stringify(
          data.enterprises.map((e) => ({
            name: e.name,
            name_en: e.nameEn ?? null,
            credit_code: e.creditCode,
            industry: e.industry,
            origin_province: e.originProvince,
            origin_city: e.originCity,
            leading: e.leading,
            registered_on: e.registeredOn,
          })),
        ),
        park.id,
      ],
    );
    // INSERT … RETURNING promises no order: map ids back by the unique credit code.
    const idByCode = new Map(enterpriseRows.map((e) => [e.credit_code, e.id]));
    const enterprises = data.enterprises.map((e) => ({ id: idByCode.get(e.creditCode)! }));
    const tenancies = data.tenancies.map((t) => ({
      unit_id: unitId.get(t.unit),
      enterprise_id: enterprises[t.enterprise].id,
      starts_on: t.startsOn,
      fitting_out_from: t.fittingOutFrom ?? null,
      operating_from: t.operatingFrom ?? null,
    }));
    const inserted = await m.query<
      { id: string; starts_on: string; fitting_out_from: string | null; operating_from: string | null }[]
    >(
      `INSERT INTO tenancy (park_id, unit_id, enterprise_id, starts_on, fitting_out_from, operating_from)
       SELECT $2, t.unit_id, t.enterprise_id, t.starts_on, t.fitting_out_from, t.operating_from
       FROM jsonb_to_recordset($1::jsonb) AS t(unit_id uuid, enterprise_id uuid, starts_on date, fitting_out_from date, operating_from date)
       RETURNING id, starts_on, fitting_out_from, operating_from`,
      [JSON.stringify(tenancies), park.id],
    );
    // The stage history each tenancy would have if it had been recorded through the API.
    const events = inserted.flatMap((t) => [
      { tenancy_id: t.id, stage: 'RESERVED', effective_on: t.starts_on },
      ...(t.fitting_out_from
        ? [{ tenancy_id: t.id, stage: 'FITTING_OUT', effective_on: t.fitting_out_from }]
        : []),
      ...(t.operating_from ? [{ tenancy_id: t.id, stage: 'OPERATING', effective_on: t.operating_from }] : []),
    ]);
    await m.query(
      `INSERT INTO tenancy_stage_event (tenancy_id, kind, stage, effective_on, note, recorded_at)
       SELECT e.tenancy_id, 'CHANGE', e.stage::tenancy_stage, e.effective_on, 'demo data', e.effective_on::timestamptz
       FROM jsonb_to_recordset($1::jsonb) AS e(tenancy_id uuid, stage text, effective_on date)`,
      [JSON.stringify(events)],
    );
    const machines = await seedDemoMachines(m, {
      parkId: park.id,
      tenancies: data.tenancies,
      leadingCount: data.enterprises.filter((e) => e.leading).length,
      enterpriseIds: enterprises.map((e) => e.id),
      unitIds: unitId,
    });
    const institutions = await seedDemoInstitutions(m, park.id);
    const agreements = await seedDemoAgreements(m, park.id, institutions);
    const talent = await seedDemoTalent(m, {
      parkId: park.id,
      zoneIds: zoneId,
      pii,
      institutionIds: institutions,
    });
    // RETURNING keeps no promised order either: map tenancy ids back by unit (one demo tenancy per unit).
    const tenancyIdByUnit = new Map(
      (
        await m.query<{ id: string; unit_id: string }[]>(
          'SELECT id, unit_id FROM tenancy WHERE park_id = $1',
          [park.id],
        )
      ).map((t) => [t.unit_id, t.id]),
    );
    const contracts = await seedDemoContracts(m, {
      parkId: park.id,
      tenancies: data.tenancies,
      tenancyIds: data.tenancies.map((t) => tenancyIdByUnit.get(unitId.get(t.unit)!)!),
      enterpriseIds: enterprises.map((e) => e.id),
      leadingCount: data.enterprises.filter((e) => e.leading).length,
      zoneOfUnit: new Map(data.units.map((u) => [u.code, u.zone])),
      areaOfUnit: new Map(data.units.map((u) => [u.code, u.floorArea])),
    });
    if (options.users !== false) await seedDemoUsers(m);
    // After the users: the demo leads are owned by the demo accounts when there are any.
    const recruitment = await seedDemoRecruitment(m, {
      parkId: park.id,
      enterprises: data.enterprises,
      tenancies: data.tenancies,
      enterpriseIds: enterprises.map((e) => e.id),
    });
    logger.log(
      `Demo park loaded: ${units.length} units, ${enterprises.length} enterprises, ${inserted.length} tenancies, ${machines} machines, ${institutions.size} institutions, ${agreements} agreements, ${recruitment.events} recruitment events, ${recruitment.leads} leads, ${talent.trainees} people in the talent pipeline, ${contracts} contracts`,
    );
    return true;
  });
}

/** The demo accounts (all parks), printed at start-up and in the README. Never in production (see main.ts). */
export const DEMO_USERS = [
  { username: 'admin', displayName: '园区管理员 (demo)', roles: [Role.ADMIN] },
  { username: 'leasing', displayName: '招商专员 (demo)', roles: [Role.LEASING] },
  { username: 'recruiter', displayName: '招聘专员 (demo)', roles: [Role.RECRUITER] },
  { username: 'analyst', displayName: '数据分析员 (demo)', roles: [Role.ANALYST] },
  { username: 'finance', displayName: '财务专员 (demo)', roles: [Role.FINANCE] },
];
export const DEMO_PASSWORD = 'shifosi-demo';

async function seedDemoUsers(m: EntityManager): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await m.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, all_parks, demo)
     SELECT u.username, u.display_name, $2, u.roles::role[], true, true
     FROM jsonb_to_recordset($1::jsonb) AS u(username text, display_name text, roles text[])
     ON CONFLICT (username) DO NOTHING`,
    [
      JSON.stringify(
        DEMO_USERS.map((u) => ({ username: u.username, display_name: u.displayName, roles: u.roles })),
      ),
      hash,
    ],
  );
  // The start-up block names them (and on every start, not only this one).
  logger.debug(`Demo users ${DEMO_USERS.map((u) => u.username).join(', ')} with password "${DEMO_PASSWORD}"`);
}

/** Production must not run with accounts whose password is published. */
export async function refuseDemoUsers(db: DataSource): Promise<void> {
  const demo = await db.query<{ username: string }[]>(
    'SELECT username FROM app_user WHERE demo AND disabled_at IS NULL ORDER BY username',
  );
  if (demo.length) {
    throw new Error(
      `Refusing to start with NODE_ENV=production while demo users exist (${demo.map((d) => d.username).join(', ')}): remove them with "npm run user -- remove-demo"`,
    );
  }
}
