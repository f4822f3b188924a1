import ExcelJS from 'exceljs';
import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { factories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const UNITS = `query($park: String!, $first: Int, $after: String) {
  units(filter: { parkCode: $park }, first: $first, after: $after) {
    edges { node { code floorArea zone { code } } } pageInfo { hasNextPage endCursor } } }`;

/** POST /export: the GraphQL answer as CSV/XLSX, through the same execution as /graphql. */
describe('reports: export', () => {
  let t: TestApp;
  let f: Factories;
  let parkCode: string;

  const exportAs = (
    format: string,
    query: string,
    variables: Record<string, unknown>,
    authorization?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/export?format=${format}`,
      headers: { 'content-type': 'application/json', authorization: authorization ?? t.adminAuthorization },
      payload: JSON.stringify({ query, variables }),
    });

  beforeAll(async () => {
    t = await startTestApp({ EXPORT_MAX_ROWS: '1000' });
    f = factories(t);
    const space = await f.space(25, { area: (i) => 40 + i });
    parkCode = space.parkCode;
    await f.enterprise({ parkCode, name: '=HYPERLINK("http://evil")', nameEn: '+cmd|calc' } as never);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('streams every page of a connection as CSV with a BOM, nested objects as dotted columns', async () => {
    const res = await exportAs('csv', UNITS, { park: parkCode, first: 10 });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,floorArea,zone.code');
    expect(lines).toHaveLength(26);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(
      Array.from({ length: 25 }, (_, i) => `B-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('writes XLSX that reads back to the same rows as CSV', async () => {
    const csv = await exportAs('csv', UNITS, { park: parkCode, first: 7 });
    const xlsx = await exportAs('xlsx', UNITS, { park: parkCode, first: 7 });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      rows.push(
        (row.values as (string | number | null | undefined)[])
          .slice(1)
          .map((v) => (v === null || v === undefined ? '' : String(v)))
          .join(','),
      );
    });
    expect(rows).toEqual(csv.body.slice(1).trimEnd().split('\r\n'));
  });

  it('escapes cells that a spreadsheet would run as formulas', async () => {
    const res = await exportAs(
      'csv',
      `query($park: String!) { enterprises(filter: { parkCode: $park }) { edges { node { name } } } }`,
      { park: parkCode },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).not.toMatch(/(^|\n|,)=HYPERLINK/);
  });

  it('answers as /graphql does when the caller may not run the query, and without a token', async () => {
    const recruiter = await createUserWithToken(t.app, t.dataSource, { roles: [Role.RECRUITER] });
    const refused = await exportAs(
      'csv',
      `query { tenancies(first: 5) { edges { node { id } } } }`,
      {},
      recruiter.authorization,
    );
    expect(refused.json().errors[0].extensions.code).toBe('FORBIDDEN');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/export?format=csv',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: UNITS, variables: { park: parkCode } }),
    });
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('stops at EXPORT_MAX_ROWS and refuses unknown formats', async () => {
    const small = await startTestApp({ EXPORT_MAX_ROWS: '12' });
    try {
      const fs = factories(small);
      const space = await fs.space(20);
      const res = await small.app.inject({
        method: 'POST',
        url: '/export?format=csv',
        headers: { 'content-type': 'application/json', authorization: small.adminAuthorization },
        payload: JSON.stringify({ query: UNITS, variables: { park: space.parkCode, first: 5 } }),
      });
      expect(res.body.slice(1).trimEnd().split('\r\n')).toHaveLength(13);
    } finally {
      await small.close();
    }
    const bad = await exportAs('pdf', UNITS, { park: parkCode });
    expect(bad.statusCode).toBe(400);
  });
});
