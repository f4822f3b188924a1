import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { factories, Factories, nextCreditCode } from './support/factories';
import { nextIdNumber, talentPark } from './support/talent';
import { startTestApp, TestApp } from './support/test-app';

type Result = {
  rows: number;
  written: number;
  alreadyImported: boolean;
  errors: { row: number; column: string; message: string }[];
};

/**
 * POST /import/<entity> for tenancies, machines, trainees and institutions: each through its mutation's service
 * path (rules, access rule), dry run with per-row errors, all-or-nothing, idempotent re-upload, export round trip.
 */
describe('reports: spreadsheet import of tenancies, machines, trainees, institutions', () => {
  let t: TestApp;
  let f: Factories;

  const post = (entity: string, park: string, csv: string, opts: { dryRun?: boolean; auth?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/import/${entity}?parkCode=${park}&dryRun=${opts.dryRun ? 'true' : 'false'}`,
      headers: { 'content-type': 'text/csv', authorization: opts.auth ?? t.adminAuthorization },
      payload: csv,
    });
  const exportCsv = (query: string, park: string) =>
    t.app.inject({
      method: 'POST',
      url: '/export?format=csv',
      headers: { 'content-type': 'application/json', authorization: t.adminAuthorization },
      payload: JSON.stringify({ query, variables: { park } }),
    });
  const count = async (sql: string, park: string) => (await t.sql<{ n: number }[]>(sql, [park]))[0]!.n;
  const rowsAndColumns = (r: Result) => r.errors.map((e) => [e.row, e.column]);

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  describe('tenancies', () => {
    const tenancyCount = (park: string) =>
      count(
        'SELECT count(*)::int AS n FROM tenancy t JOIN park p ON p.id = t.park_id WHERE p.code = $1',
        park,
      );

    it("checks every row with leaseUnits' rules: a taken bay names its holder, rows of one file may not overlap", async () => {
      const { parkCode, units } = await f.space(4, { prefix: 'L' });
      const holder = await f.enterprise({ parkCode, name: '已入驻石雕厂' });
      const tenant = await f.enterprise({ parkCode });
      await f.leaseOne({
        parkCode,
        enterpriseId: holder.id,
        unitCode: units[0]!.code,
        startsOn: '2024-01-01',
      });
      const csv = [
        '单元编号,统一社会信用代码,阶段,起租日期,备注',
        `L-001,${tenant.creditCode},RESERVED,2024-06-01,`,
        `L-002,${tenant.creditCode},OPERATING,2024-06-01,首批`,
        `L-002,${tenant.creditCode},RESERVED,2024-09-01,`,
        `L-009,${tenant.creditCode},RESERVED,2024-06-01,`,
        `L-003,${nextCreditCode()},RESERVED,2024-06-01,`,
        `L-004,${tenant.creditCode},ENDED,2024-06-01,`,
        `L-004,${tenant.creditCode},RESERVED,2024-02-30,`,
      ].join('\n');
      const dry = await post('tenancies', parkCode, csv, { dryRun: true });
      const body = dry.json<Result>();
      expect(body.rows).toBe(7);
      expect(body.written).toBe(0);
      expect(rowsAndColumns(body)).toEqual([
        [8, '起租日期'],
        [2, '单元编号'],
        [4, '单元编号'],
        [5, '单元编号'],
        [6, '统一社会信用代码'],
        [7, '阶段'],
      ]);
      expect(body.errors[1]!.message).toContain('已入驻石雕厂');
      expect(body.errors[2]!.message).toContain('already held');
      expect(await tenancyCount(parkCode)).toBe(1);
      // The same file for real: all or nothing.
      expect((await post('tenancies', parkCode, csv)).statusCode).toBe(400);
      expect(await tenancyCount(parkCode)).toBe(1);
    });

    it('writes a clean file once (re-upload idempotent) and imports an export back (round trip)', async () => {
      const { parkCode } = await f.space(3, { prefix: 'R' });
      const tenant = await f.enterprise({ parkCode });
      const csv = [
        'unitCode,enterpriseCreditCode,stage,startsOn',
        `R-001,${tenant.creditCode.toLowerCase()},FITTING_OUT,2024-03-01`,
        `R-002,${tenant.creditCode},,2024-04-01`,
      ].join('\n');
      expect((await post('tenancies', parkCode, csv)).json<Result>()).toMatchObject({
        written: 2,
        errors: [],
      });
      expect((await post('tenancies', parkCode, csv)).json<Result>()).toMatchObject({
        written: 0,
        alreadyImported: true,
      });
      expect(await tenancyCount(parkCode)).toBe(2);
      const query = `query($park: String!) { tenancies(filter: { parkCode: $park }, asOf: "2024-05-01") {
        edges { node { unit { code } enterprise { creditCode } stage startsOn } } } }`;
      const exported = await exportCsv(query, parkCode);
      expect(exported.statusCode).toBe(200);
      expect(exported.body).toContain('FITTING_OUT');
      // Into a fresh park with the same bays and tenant.
      const target = await f.space(3, { prefix: 'R' });
      await f.enterprise({ parkCode: target.parkCode, creditCode: tenant.creditCode });
      const back = await post('tenancies', target.parkCode, exported.body);
      expect(back.json<Result>()).toMatchObject({ written: 2, errors: [] });
      expect((await exportCsv(query, target.parkCode)).body).toBe(exported.body);
    });

    it("applies leaseUnits' access rule", async () => {
      const { parkCode } = await f.space(1, { prefix: 'A' });
      const analyst = await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST] });
      const res = await post('tenancies', parkCode, 'unitCode,enterpriseCreditCode,startsOn\n', {
        auth: analyst.authorization,
      });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('machines', () => {
    const machineCount = (park: string) =>
      count(
        'SELECT count(*)::int AS n FROM machine m JOIN park p ON p.id = m.park_id WHERE p.code = $1',
        park,
      );

    it("checks rows with registerMachine's and installMachine's rules, all or nothing, then writes placements", async () => {
      const { parkCode } = await f.space(2, { prefix: 'M' });
      const owner = await f.enterprise({ parkCode });
      const other = await f.enterprise({ parkCode, name: '邻家石材' });
      await f.leaseOne({ parkCode, enterpriseId: owner.id, unitCode: 'M-001', startsOn: '2024-01-01' });
      await f.leaseOne({ parkCode, enterpriseId: other.id, unitCode: 'M-002', startsOn: '2024-01-01' });
      const head = '出厂编号,所属企业信用代码,设备类型,制造商,型号,轴数,所在单元,安装日期';
      const bad = [
        head,
        `SN-1,${owner.creditCode},CNC_ROUTER,大足数控,DZ-5,5,M-001,2024-02-01`,
        `SN 2,${owner.creditCode},CNC_ROUTER,大足数控,DZ-5,5,,`,
        `SN-3,${owner.creditCode},CNC_ROUTER,大足数控,DZ-5,12,,`,
        `SN-4,${nextCreditCode()},CNC_ROUTER,大足数控,DZ-5,,,`,
        `SN-5,${owner.creditCode},CNC_ROUTER,大足数控,DZ-5,,M-002,2024-02-01`,
        `SN-1,${owner.creditCode},CNC_ROUTER,大足数控,DZ-5,,,`,
        `SN-7,${owner.creditCode},CNC_ROUTER,大足数控,DZ-5,,M-001,`,
      ].join('\n');
      const dry = (await post('machines', parkCode, bad, { dryRun: true })).json<Result>();
      expect(rowsAndColumns(dry)).toEqual([
        [3, '出厂编号'],
        [4, '轴数'],
        [7, '出厂编号'],
        [5, '所属企业信用代码'],
        [6, '所在单元'],
        [8, '安装日期'],
      ]);
      expect(dry.errors[4]!.message).toContain('邻家石材');
      expect((await post('machines', parkCode, bad)).statusCode).toBe(400);
      expect(await machineCount(parkCode)).toBe(0);
      const good = [
        bad.split('\n')[0],
        bad.split('\n')[1],
        `SN-8,${other.creditCode},POLISHER,大足数控,P-1,,M-002,2024-03-01`,
      ].join('\n');
      expect((await post('machines', parkCode, good)).json<Result>()).toMatchObject({
        written: 2,
        errors: [],
      });
      expect((await post('machines', parkCode, good)).json<Result>()).toMatchObject({
        alreadyImported: true,
      });
      const placed = await t.sql<{ serial_number: string; code: string }[]>(
        `SELECT m.serial_number, u.code FROM machine m JOIN machine_placement mp ON mp.machine_id = m.id
         JOIN unit u ON u.id = mp.unit_id JOIN park p ON p.id = m.park_id WHERE p.code = $1 ORDER BY 1`,
        [parkCode],
      );
      expect(placed).toEqual([
        { serial_number: 'SN-1', code: 'M-001' },
        { serial_number: 'SN-8', code: 'M-002' },
      ]);
    });

    it('imports an export of machines back (round trip)', async () => {
      const park = (await f.park()).code;
      const owner = await f.enterprise({ parkCode: park });
      const csv = [
        'serialNumber,ownerCreditCode,type,manufacturer,model,axes,spindlePowerKw,commissionedYear',
        `RT-1,${owner.creditCode},CNC_ROUTER,"大足数控, 重庆",DZ-5,5,7.5,2021`,
        `RT-2,${owner.creditCode},WIRE_SAW,=cmd,W-1,,,`,
      ].join('\n');
      expect((await post('machines', park, csv)).json<Result>()).toMatchObject({ written: 2, errors: [] });
      const query = `query($park: String!) { machines(filter: { parkCode: $park }) {
        edges { node { serialNumber owner { creditCode } type manufacturer model axes spindlePowerKw commissionedYear } } } }`;
      const exported = await exportCsv(query, park);
      expect(exported.body).toContain("'=cmd");
      const target = (await f.park()).code;
      await f.enterprise({ parkCode: target, creditCode: owner.creditCode });
      await t.sql(
        `UPDATE machine SET serial_number = 'OLD-' || serial_number WHERE serial_number LIKE 'RT-%'`,
      );
      expect((await post('machines', target, exported.body)).json<Result>()).toMatchObject({
        written: 2,
        errors: [],
      });
      expect((await exportCsv(query, target)).body).toBe(exported.body);
    });
  });

  describe('trainees', () => {
    it('enrols through enrolTrainees, stores ID numbers sealed and never echoes one in an error or the audit', async () => {
      const { parkCode, cohortId } = await talentPark(t);
      const [{ code: cohort }] = await t.sql<{ code: string }[]>('SELECT code FROM cohort WHERE id = $1', [
        cohortId,
      ]);
      const [a, b, taken] = [nextIdNumber(), nextIdNumber(), nextIdNumber()];
      const wrongCheck = `${a.slice(0, 17)}${a[17] === '0' ? '1' : '0'}`;
      const recruiter = await createUserWithToken(t.app, t.dataSource, { roles: [Role.RECRUITER] });
      const head = '班级代码,入学日期,姓名,身份证号,手机号,生源地';
      const seed = `${head}\n${cohort},2023-09-01,先到,${taken},,DAZU`;
      expect(
        (await post('trainees', parkCode, seed, { auth: recruiter.authorization })).json<Result>(),
      ).toMatchObject({ written: 1 });
      const bad = [
        head,
        `${cohort},2023-09-01,甲,${a},13900001111,DAZU`,
        `${cohort},2023-09-01,乙,${wrongCheck},,DAZU`,
        `${cohort},2023-09-01,丙,${taken},,ANYUE`,
        `nowhere,2023-09-01,丁,${b},,DAZU`,
        `${cohort},2023-09-01,戊,${a},,DAZU`,
        `${cohort},2023-09-01,己,,123,MARS`,
      ].join('\n');
      const res = await post('trainees', parkCode, bad, { dryRun: true, auth: recruiter.authorization });
      const body = res.json<Result>();
      expect(rowsAndColumns(body)).toEqual([
        [3, '身份证号'],
        [6, '身份证号'],
        [7, '手机号'],
        [7, '生源地'],
        [4, '身份证号'],
        [5, '班级代码'],
      ]);
      for (const id of [a, b, taken, wrongCheck]) expect(res.body).not.toContain(id);
      expect(body.errors[4]!.message).toContain(`${taken.slice(0, 4)}**********${taken.slice(-4)}`);
      const leasing = await createUserWithToken(t.app, t.dataSource, { roles: [Role.LEASING] });
      expect((await post('trainees', parkCode, seed, { auth: leasing.authorization })).statusCode).toBe(403);
      const good = `${head}\n${cohort},2023-09-01,甲,${a.toLowerCase()},13900001111,DAZU\n${cohort},2023-10-01,庚,,,OTHER`;
      expect((await post('trainees', parkCode, good)).json<Result>()).toMatchObject({
        written: 2,
        errors: [],
      });
      const stored = await t.sql<{ cipher: Buffer | null; last4: string | null; events: number }[]>(
        `SELECT t.id_number_cipher AS cipher, t.id_number_last4 AS last4,
                (SELECT count(*)::int FROM trainee_status_event e WHERE e.trainee_id = t.id AND e.status = 'ENROLLED') AS events
         FROM trainee t JOIN park p ON p.id = t.park_id WHERE p.code = $1 ORDER BY t.name`,
        [parkCode],
      );
      expect(stored.map((s) => [s.cipher !== null, s.last4, s.events])).toEqual(
        expect.arrayContaining([
          [true, a.slice(-4), 1],
          [false, null, 1],
        ]),
      );
      const dump = JSON.stringify(
        await t.sql(`SELECT t::text AS x FROM trainee t UNION ALL SELECT a::text FROM audit_log a`),
      );
      for (const id of [a, taken]) expect(dump).not.toContain(id);
    });
  });

  describe('institutions', () => {
    it("checks rows with createInstitution's rules (names taken or repeated), writes contacts, round-trips", async () => {
      const park = (await f.park()).code;
      await t.gql('mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }', {
        input: { parkCode: park, name: '四川美术学院', kind: 'UNIVERSITY' },
      });
      const head = '机构名称,英文名称,机构类型,所在地,联系人,职务,联系电话,电子邮箱';
      const bad = [
        head,
        '重庆工艺美术学校,,VOCATIONAL_COLLEGE,重庆市,张老师,教务处,023-6666 1234,zhang@example.cn',
        '四川美术学院,,UNIVERSITY,,,,,',
        '大足石刻研究院,,CASTLE,,,,,',
        '重庆工艺美术学校,,VOCATIONAL_COLLEGE,,,,,',
        '石刻职业培训中心,,TRAINING_PROVIDER,,,,abc,',
        '石材协会,,INDUSTRY_ASSOCIATION,,,,023-1234567,',
      ].join('\n');
      const dry = (await post('institutions', park, bad, { dryRun: true })).json<Result>();
      expect(rowsAndColumns(dry)).toEqual([
        [4, '机构类型'],
        [5, '机构名称'],
        [6, '联系电话'],
        [3, '机构名称'],
        [7, '联系人'],
      ]);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM institution i JOIN park p ON p.id = i.park_id WHERE p.code = $1`,
          park,
        ),
      ).toBe(1);
      const good = [
        bad.split('\n')[0],
        bad.split('\n')[1],
        '大足石刻研究院,Dazu Rock Carvings Academy,RESEARCH_INSTITUTE,,,,,',
      ].join('\n');
      expect((await post('institutions', park, good)).json<Result>()).toMatchObject({
        written: 2,
        errors: [],
      });
      const contacts = await t.sql<{ name: string; phone: string }[]>(
        `SELECT c.name, c.phone FROM institution_contact c JOIN institution i ON i.id = c.institution_id
         WHERE i.name = '重庆工艺美术学校'`,
      );
      expect(contacts).toEqual([{ name: '张老师', phone: '023-6666 1234' }]);
      const query = `query($park: String!) { institutions(filter: { parkCode: $park }) {
        edges { node { name nameEn kind region } } } }`;
      const exported = await exportCsv(query, park);
      const target = (await f.park()).code;
      expect((await post('institutions', target, exported.body)).json<Result>()).toMatchObject({
        written: 3,
        errors: [],
      });
      expect((await exportCsv(query, target)).body).toBe(exported.body);
    });
  });
});
