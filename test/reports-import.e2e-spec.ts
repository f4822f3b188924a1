import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { factories, Factories, nextCreditCode } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

type Result = {
  rows: number;
  written: number;
  dryRun: boolean;
  alreadyImported: boolean;
  sha256: string;
  errors: { row: number; column: string; message: string }[];
};

/** POST /import/units: CSV (UTF-8, BOM, GB18030) and XLSX, dry run, all-or-nothing, idempotent, access rule. */
describe('reports: spreadsheet import', () => {
  let t: TestApp;
  let f: Factories;
  let parkCode: string;
  let zoneCode: string;

  const upload = (
    body: Buffer | string,
    opts: { dryRun?: boolean; type?: string; park?: string; auth?: string } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/import/units?parkCode=${opts.park ?? parkCode}&dryRun=${opts.dryRun ? 'true' : 'false'}`,
      headers: { 'content-type': opts.type ?? 'text/csv', authorization: opts.auth ?? t.adminAuthorization },
      payload: body,
    });
  const unitCount = async () =>
    (
      await t.sql<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM unit u JOIN park p ON p.id = u.park_id WHERE p.code = $1',
        [parkCode],
      )
    )[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    parkCode = (await f.park()).code;
    zoneCode = (await f.zone(parkCode)).code;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('dry run reports errors per row and column with the rules of createUnits, and writes nothing', async () => {
    const csv = [
      '分区代码,单元编号,类型,面积,可租,不可租原因',
      `${zoneCode},D-1,BAY,50,是,`,
      `${zoneCode},D-2,CASTLE,50,是,`,
      `${zoneCode},D-3,BAY,-4,是,`,
      `nowhere,D-4,BAY,40,是,`,
      `${zoneCode},D-5,BAY,40,否,`,
      `${zoneCode},D-1,BAY,40,是,`,
    ].join('\n');
    const res = await upload(csv, { dryRun: true });
    const body = res.json<Result>();
    expect(body.rows).toBe(6);
    expect(body.written).toBe(0);
    expect(body.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '类型'],
      [4, '面积'],
      [6, '不可租原因'],
      [7, '单元编号'],
      [5, '分区代码'],
    ]);
    expect(await unitCount()).toBe(0);
  });

  it('is all or nothing: one bad row in a real run writes no row', async () => {
    const csv = `zoneCode,code,kind,floorArea\n${zoneCode},N-1,BAY,50\n${zoneCode},N-2,BAY,abc\n`;
    const res = await upload(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json<Result>().errors).toEqual([expect.objectContaining({ row: 3, column: 'floorArea' })]);
    expect(await unitCount()).toBe(0);
  });

  it('reads UTF-8 with BOM and GB18030, writes in one audited entry, and is idempotent on re-upload', async () => {
    const text = `分区代码,单元编号,类型,楼栋,面积\r\n${zoneCode},G-1,BAY,石雕一号厅,50\r\n${zoneCode},G-2,BAY,石雕二号厅,60.5\r\n`;
    const gb = iconv.encode(text, 'gb18030');
    expect(gb.equals(Buffer.from(text, 'utf8'))).toBe(false);
    const first = await upload(gb);
    expect(first.json<Result>()).toMatchObject({ rows: 2, written: 2, errors: [], alreadyImported: false });
    const again = await upload(gb);
    expect(again.json<Result>()).toMatchObject({ written: 0, alreadyImported: true, errors: [] });
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(text.replace(/G-/g, 'U-'), 'utf8'),
    ]);
    expect((await upload(bom)).json<Result>()).toMatchObject({ written: 2, errors: [] });
    const units = await t.sql<{ code: string; building: string }[]>(
      `SELECT code, building FROM unit WHERE code LIKE 'G-%' OR code LIKE 'U-%' ORDER BY code`,
    );
    expect(units).toEqual([
      { code: 'G-1', building: '石雕一号厅' },
      { code: 'G-2', building: '石雕二号厅' },
      { code: 'U-1', building: '石雕一号厅' },
      { code: 'U-2', building: '石雕二号厅' },
    ]);
    const audits = await t.sql<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'Import'`,
    );
    expect(audits[0]!.n).toBe(2);
  });

  it('reads XLSX and refuses formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('units');
    ws.addRow(['zoneCode', 'code', 'kind', 'floorArea']);
    ws.addRow([zoneCode, 'X-1', 'BAY', 45]);
    const ok = await upload(Buffer.from(await wb.xlsx.writeBuffer()), { type: 'application/octet-stream' });
    expect(ok.json<Result>()).toMatchObject({ rows: 1, written: 1 });
    ws.addRow([zoneCode, 'X-2', 'BAY', { formula: '40+5', result: 45 }]);
    const before = await unitCount();
    const formula = await upload(Buffer.from(await wb.xlsx.writeBuffer()), {
      type: 'application/octet-stream',
    });
    expect(formula.statusCode).toBe(400);
    expect(JSON.stringify(formula.json())).toContain('formulas are not accepted');
    expect(await unitCount()).toBe(before);
  });

  it('refuses bad files with a clear error and writes nothing', async () => {
    const before = await unitCount();
    const missing = await upload(`code,kind\nZ-1,BAY\n`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].message).toContain('missing required columns');
    const broken = await upload(Buffer.from([0x7a, 0x6f, 0x6e, 0x65, 0x2c, 0xff, 0xff, 0xff, 0x0a]));
    expect(broken.statusCode).toBe(400);
    const garbage = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
    const junk = await upload(garbage);
    expect(junk.statusCode).toBe(400);
    expect(junk.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const zipJunk = await upload(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(1000, 1)]));
    expect(zipJunk.statusCode).toBe(400);
    expect(await unitCount()).toBe(before);
  });

  it('applies the access rule of createUnits and keeps /graphql refusing uploads', async () => {
    const analyst = await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST] });
    const refused = await upload(`zoneCode,code,kind,floorArea\n${zoneCode},A-1,BAY,1\n`, {
      auth: analyst.authorization,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await upload('x', { auth: '' });
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const gql = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'text/csv', authorization: t.adminAuthorization },
      payload: 'a,b',
    });
    expect(gql.statusCode).toBe(415);
  });

  it('serves a template per entity with Chinese or English headers', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/import/units/template' });
    expect(zh.body).toBe('\uFEFF分区代码,单元编号,类型,楼栋,楼层,面积,可租,不可租原因\r\n');
    const en = await t.app.inject({ method: 'GET', url: '/import/units/template?lang=en' });
    expect(en.body).toContain('zoneCode,code,kind');
  });

  it('imports enterprises under the rules of createEnterprise: check character, enums, codes taken or repeated', async () => {
    const park = (await f.park()).code;
    const existing = nextCreditCode();
    await f.enterprise({ parkCode: park, creditCode: existing });
    const post = (csv: string, dryRun = false) =>
      t.app.inject({
        method: 'POST',
        url: `/import/enterprises?parkCode=${park}&dryRun=${dryRun}`,
        headers: { 'content-type': 'text/csv', authorization: t.adminAuthorization },
        payload: csv,
      });
    const [a, b] = [nextCreditCode(), nextCreditCode()];
    const wrongCheck = `${a.slice(0, 17)}${a[17] === '0' ? '1' : '0'}`;
    const bad = [
      '企业名称,统一社会信用代码,行业,来源省份,龙头企业,联系电话',
      `石刻甲,${a},SCULPTURE,SICHUAN,是,13800001234`,
      `石刻乙,${wrongCheck},SCULPTURE,SICHUAN,否,`,
      `石刻丙,${b},CASTLES,CHONGQING,否,`,
      `石刻丁,${existing},STONE_CARVING,CHONGQING,否,`,
      `石刻戊,${a},SCULPTURE,SICHUAN,否,`,
    ].join('\n');
    const dry = (await post(bad, true)).json<Result>();
    expect(dry.written).toBe(0);
    expect(dry.errors.map((e) => [e.row, e.column]).sort()).toEqual(
      [
        [3, '统一社会信用代码'],
        [4, '行业'],
        [5, '统一社会信用代码'],
        [6, '统一社会信用代码'],
      ].sort(),
    );
    const good = [
      'name,creditCode,industry,originProvince,leading,registeredOn',
      `石刻甲,${a},SCULPTURE,SICHUAN,true,2024-01-18`,
      `石刻丙,${b.toLowerCase()},STONE_CARVING,CHONGQING,false,`,
    ].join('\n');
    expect((await post(good)).json<Result>()).toMatchObject({ errors: [], written: 2 });
    const rows = await t.sql<{ credit_code: string; leading: boolean; registered_on: string | null }[]>(
      `SELECT e.credit_code, e.leading, e.registered_on::text FROM enterprise e JOIN park p ON p.id = e.park_id
       WHERE p.code = $1 AND e.credit_code <> $2 ORDER BY e.name`,
      [park, existing],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { credit_code: a, leading: true, registered_on: '2024-01-18' },
        { credit_code: b, leading: false, registered_on: null },
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('imports an export back to the same data (round trip)', async () => {
    const query = `query($park: String!, $first: Int, $after: String) { units(filter: { parkCode: $park }, first: $first, after: $after) {
      edges { node { zone { code } code kind building floor floorArea leasable unleasableReason } } pageInfo { hasNextPage endCursor } } }`;
    const exportOf = (park: string) =>
      t.app.inject({
        method: 'POST',
        url: '/export?format=csv',
        headers: { 'content-type': 'application/json', authorization: t.adminAuthorization },
        payload: JSON.stringify({ query, variables: { park, first: 3 } }),
      });
    const source = await f.park();
    await f.zone(source.code, 'rt-zone');
    const seed = [
      'zoneCode,code,kind,building,floor,floorArea,leasable,unleasableReason',
      'rt-zone,R-1,BAY,"东厅, 北侧",1,50.25,true,',
      'rt-zone,R-2,BAY,,2,60,false,"=cmd 维修中"',
      ...Array.from({ length: 5 }, (_, i) => `rt-zone,R-${i + 3},BAY,西厅,,${40 + i},true,`),
    ].join('\n');
    expect((await upload(seed, { park: source.code })).json<Result>()).toMatchObject({
      errors: [],
      written: 7,
    });
    const exported = await exportOf(source.code);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain("'=cmd 维修中");
    const target = await f.park();
    await f.zone(target.code, 'rt-zone');
    const res = await upload(exported.rawPayload, { park: target.code });
    expect(res.json<Result>()).toMatchObject({ errors: [], written: 7 });
    expect((await exportOf(target.code)).body).toBe(exported.body);
  });
});

/**
 * The size the issue asks for: 100,000 unit rows, streamed, in batches of 5,000 (measured here on real PostgreSQL).
 * The target is 30 s on this machine when it is not shared; the bound below leaves room for a loaded machine (07:30
 * UTC, load average 15 on 2 cores: 82 s), so it fails on a regression of the batching (row-by-row inserts take
 * minutes), not on noise.
 */
describe('reports: import at scale', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('imports 100,000 unit rows in one streamed, batched run', async () => {
    const f = factories(t);
    const park = await f.park();
    await f.zone(park.code, 'bulk');
    const lines = ['分区代码,单元编号,类型,楼栋,楼层,面积'];
    for (let i = 0; i < 100_000; i++)
      lines.push(`bulk,K-${i},BAY,石雕厅${i % 50},${i % 5},${40 + (i % 30)}.5`);
    const file = Buffer.from(lines.join('\r\n'), 'utf8');
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: `/import/units?parkCode=${park.code}`,
      headers: { 'content-type': 'text/csv', authorization: t.adminAuthorization },
      payload: file,
    });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      `import: 100,000 unit rows (${(file.length / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s, ` +
        `app process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, RSS ${Math.round(rssBefore / 1048576)} → peak ${Math.round(rssPeak / 1048576)} MB`,
    );
    expect(res.json()).toMatchObject({ rows: 100_000, written: 100_000, errors: [] });
    expect(seconds).toBeLessThan(150);
    const [n] = await t.sql<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM unit u JOIN park p ON p.id = u.park_id WHERE p.code = $1`,
      [park.code],
    );
    expect(n!.n).toBe(100_000);
  }, 200_000);
});
