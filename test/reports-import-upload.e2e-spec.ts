import ExcelJS from 'exceljs';
import { createApp } from '../src/app.setup';
import { loadConfig } from '../src/config/app-config';
import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

type Result = { rows: number; written: number; errors: { row: number; column: string; message: string }[] };
type GqlErrorBody = { errors: { message: string; extensions: { code: string } }[] };

const BOUNDARY = '----shifosi-test-boundary';
/** Shared by the test app and its replica, so that one sign-in works on both. */
const JWT_SECRET = 'r'.repeat(40);

/** A multipart/form-data body: text fields, then one file part. */
function multipart(file: Buffer | string, fields: Record<string, string> = {}, type = 'text/csv'): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="units.csv"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.isBuffer(file) ? file : Buffer.from(file),
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  );
  return Buffer.concat(parts);
}

const IMPORT = `mutation($input: ImportSpreadsheetInput!) {
  importSpreadsheet(input: $input) { entity dryRun rows written alreadyImported errors { row column message } } }`;

/** Uploads: multipart on POST /import/<entity>, and the two-step GraphQL import (POST /import/uploads + mutation). */
describe('reports: spreadsheet upload (multipart, GraphQL)', () => {
  let t: TestApp;
  let parkCode: string;
  let zoneCode: string;

  const unitCount = async () =>
    (
      await t.sql<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM unit u JOIN park p ON p.id = u.park_id WHERE p.code = $1',
        [parkCode],
      )
    )[0]!.n;
  const postForm = (url: string, body: Buffer, auth = t.adminAuthorization) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, authorization: auth },
      payload: body,
    });
  const upload = async (file: Buffer | string, auth = t.adminAuthorization) => {
    const res = await postForm('/import/uploads', multipart(file), auth);
    expect(res.statusCode).toBe(201);
    return res.json<{ uploadId: string }>().uploadId;
  };

  beforeAll(async () => {
    t = await startTestApp({ JWT_SECRET });
    const f = factories(t);
    parkCode = (await f.park()).code;
    zoneCode = (await f.zone(parkCode)).code;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('imports a multipart/form-data file part (fields may carry parkCode and dryRun)', async () => {
    const csv = `zoneCode,code,kind,floorArea\n${zoneCode},MP-1,BAY,50\n${zoneCode},MP-2,BAY,60\n`;
    const dry = await postForm('/import/units', multipart(csv, { parkCode, dryRun: 'true' }));
    expect(dry.json<Result>()).toMatchObject({ rows: 2, written: 0, errors: [] });
    expect(await unitCount()).toBe(0);
    const res = await postForm(`/import/units?parkCode=${parkCode}`, multipart(csv));
    expect(res.json<Result>()).toMatchObject({ rows: 2, written: 2, errors: [] });
    expect(await unitCount()).toBe(2);
  });

  it('refuses bad files in a multipart body with a clear error, and writes nothing', async () => {
    const before = await unitCount();
    const send = (file: Buffer | string, type = 'text/csv') =>
      postForm(`/import/units?parkCode=${parkCode}`, multipart(file, {}, type));
    const expectRefused = async (file: Buffer | string, text: string, type?: string) => {
      const res = await send(file, type);
      expect(res.statusCode).toBe(400);
      const body = res.json<GqlErrorBody>();
      expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0]!.message).toContain(text);
    };
    // Wrong type: a PNG, whatever the part says; and a part sent as an image.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
    await expectRefused(png, 'neither CSV');
    await expectRefused('zoneCode,code\n', 'must be CSV or XLSX', 'image/png');
    // Broken encoding: neither UTF-8 nor GB18030.
    await expectRefused(
      Buffer.from([0x7a, 0x2c, 0xff, 0xff, 0xff, 0x0a]),
      'neither valid UTF-8 nor valid GB18030',
    );
    await expectRefused('code,kind\nZ-1,BAY\n', 'missing required columns');
    const garbage = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
    await expectRefused(garbage, 'file');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('units');
    ws.addRow(['zoneCode', 'code', 'kind', 'floorArea']);
    ws.addRow([zoneCode, 'F-1', 'BAY', { formula: '40+5', result: 45 }]);
    await expectRefused(
      Buffer.from(await wb.xlsx.writeBuffer()),
      'formulas are not accepted',
      'application/octet-stream',
    );
    expect(await unitCount()).toBe(before);
  });

  it('refuses a file over IMPORT_MAX_BYTES as a multipart part and as an upload', async () => {
    const small = await startTestApp({ IMPORT_MAX_BYTES: '2000' });
    try {
      const big = 'zoneCode,code,kind,floorArea\n' + `z,c,BAY,1\n`.repeat(400);
      const park = (await factories(small).park()).code;
      for (const url of [`/import/units?parkCode=${park}`, '/import/uploads']) {
        const res = await small.app.inject({
          method: 'POST',
          url,
          headers: {
            'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
            authorization: small.adminAuthorization,
          },
          payload: multipart(big),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json<GqlErrorBody>().errors[0]!.message).toContain('larger than 2000 bytes');
      }
      const raw = await small.app.inject({
        method: 'POST',
        url: `/import/units?parkCode=${park}`,
        headers: { 'content-type': 'text/csv', authorization: small.adminAuthorization },
        payload: big,
      });
      expect(raw.json<GqlErrorBody>().errors[0]!.message).toContain('larger than 2000 bytes');
    } finally {
      await small.close();
    }
  });

  it('imports through GraphQL in two steps: upload, then importSpreadsheet (once, by the uploader only)', async () => {
    const before = await unitCount();
    const bad = `zoneCode,code,kind,floorArea\n${zoneCode},GQ-1,BAY,50\n${zoneCode},GQ-2,CASTLE,50\n`;
    const withErrors = await t.gql<{ importSpreadsheet: Result }>(IMPORT, {
      input: { entity: 'units', parkCode, uploadId: await upload(bad), dryRun: false },
    });
    expect(withErrors.data!.importSpreadsheet).toMatchObject({
      rows: 2,
      written: 0,
      errors: [{ row: 3, column: 'kind' }],
    });
    expect(await unitCount()).toBe(before);
    const good = `zoneCode,code,kind,floorArea\n${zoneCode},GQ-1,BAY,50\n`;
    const id = await upload(good);
    const ok = await t.gql<{ importSpreadsheet: Result }>(IMPORT, {
      input: { entity: 'units', parkCode, uploadId: id, dryRun: false },
    });
    expect(ok.data!.importSpreadsheet).toMatchObject({ written: 1, errors: [] });
    expect(await unitCount()).toBe(before + 1);
    const again = await t.gql(IMPORT, { input: { entity: 'units', parkCode, uploadId: id, dryRun: false } });
    expect(again.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    // Another caller cannot use someone's upload; a role without the entity's rule is refused.
    const leasing = await createUserWithToken(t.app, t.dataSource, { roles: [Role.LEASING] });
    const mine = await upload(good.replace('GQ-1', 'GQ-3'));
    const stolen = await t.gql(
      IMPORT,
      { input: { entity: 'units', parkCode, uploadId: mine, dryRun: true } },
      { authorization: leasing.authorization },
    );
    expect(stolen.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const theirs = await upload('班级代码,入学日期,姓名,生源地\n', leasing.authorization);
    const trainees = await t.gql(
      IMPORT,
      { input: { entity: 'trainees', parkCode, uploadId: theirs, dryRun: true } },
      { authorization: leasing.authorization },
    );
    expect(trainees.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const analyst = await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST] });
    const refused = await postForm('/import/uploads', multipart(good), analyst.authorization);
    expect(refused.statusCode).toBe(403);
  });

  it('keeps an upload in PostgreSQL: another API process imports it, one of two racing imports gets it', async () => {
    const before = await unitCount();
    const rows = Array.from({ length: 50_000 }, (_, i) => `${zoneCode},RP-${i},BAY,50`).join('\n');
    const csv = `zoneCode,code,kind,floorArea\n${rows}\n`;
    expect(csv.length).toBeGreaterThan(1024 * 1024); // two 1 MiB chunks
    const id = await upload(csv);
    const stored = await t.sql<{ chunks: number; bytes: number }[]>(
      `SELECT (SELECT count(*)::int FROM import_upload_chunk WHERE upload_id = $1) AS chunks, bytes::int AS bytes
       FROM import_upload WHERE id = $1`,
      [id],
    );
    expect(stored).toEqual([{ chunks: 2, bytes: Buffer.byteLength(csv) }]);
    // A second app on the same database (another replica) runs step two; the first one races it.
    const replica = await createApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', JWT_SECRET }),
      databaseUrl: t.url,
    });
    try {
      const run = (app: typeof replica) =>
        app
          .inject({
            method: 'POST',
            url: '/graphql',
            headers: { 'content-type': 'application/json', authorization: t.adminAuthorization },
            payload: JSON.stringify({
              query: IMPORT,
              variables: { input: { entity: 'units', parkCode, uploadId: id, dryRun: false } },
            }),
          })
          .then((r) => r.json<{ data?: { importSpreadsheet: Result }; errors?: GqlErrorBody['errors'] }>());
      const results = await Promise.all([run(replica), run(t.app)]);
      const ok = results.filter((r) => r.data?.importSpreadsheet);
      const refused = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(ok[0]!.data!.importSpreadsheet).toMatchObject({ rows: 50_000, written: 50_000, errors: [] });
      expect(refused.map((r) => r.errors![0]!.extensions.code)).toEqual(['NOT_FOUND']);
    } finally {
      await replica.close();
    }
    expect(await unitCount()).toBe(before + 50_000);
    const left = await t.sql<{ n: number }[]>(
      'SELECT (SELECT count(*) FROM import_upload WHERE id = $1) + (SELECT count(*) FROM import_upload_chunk WHERE upload_id = $1) AS n',
      [id],
    );
    expect(Number(left[0]!.n)).toBe(0);
  }, 120_000);

  it('deletes uploads older than an hour when the next one arrives, and never imports them', async () => {
    const old = await upload(`zoneCode,code,kind,floorArea\n${zoneCode},OLD-1,BAY,50\n`);
    await t.ownerQuery(`UPDATE import_upload SET created_at = now() - interval '61 minutes' WHERE id = $1`, [
      old,
    ]);
    const expired = await t.gql(IMPORT, {
      input: { entity: 'units', parkCode, uploadId: old, dryRun: true },
    });
    expect(expired.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    await upload(`zoneCode,code,kind,floorArea\n${zoneCode},NEW-1,BAY,50\n`);
    expect(await t.sql('SELECT id FROM import_upload WHERE id = $1', [old])).toEqual([]);
    const notAnId = await t.gql(IMPORT, {
      input: { entity: 'units', parkCode, uploadId: 'x', dryRun: true },
    });
    expect(notAnId.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('keeps /graphql refusing multipart requests (GraphQL multipart request spec is not served)', async () => {
    const operations = JSON.stringify({ query: IMPORT, variables: { input: null } });
    const res = await postForm('/graphql', multipart('x', { operations, map: '{"0":["variables.input"]}' }));
    expect(res.statusCode).toBe(415);
  });
});
