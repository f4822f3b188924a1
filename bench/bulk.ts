import type { DatabaseCpu, Sample } from './load';
import type { Server } from './servers';

/** Rows of the bulk scenarios: the size issue 13 asks for. */
export const BULK_ROWS = 100_000;

export type BulkKind = 'import' | 'export';

const EXPORT_QUERY = `query X($park: String!, $first: Int, $after: String) {
  units(filter: { parkCode: $park }, first: $first, after: $after) {
    edges { node { zone { code } code kind building floor floorArea leasable unleasableReason } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function gql(server: Server, headers: Record<string, string>, query: string, variables: object) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { errors?: unknown[] };
  if (json.errors?.length) throw new Error(`bench bulk: ${JSON.stringify(json.errors).slice(0, 300)}`);
}

/** The park of a round's bulk scenarios (a fresh one per round, so every import writes 100,000 new rows). */
const parkOf = (round: number) => `bench-bulk-${round + 1}`;

/** A 100,000-row unit file in Chinese headers, as the example (3.7 MB). */
function unitFile(): Buffer {
  const lines = ['分区代码,单元编号,类型,楼栋,楼层,面积'];
  for (let i = 0; i < BULK_ROWS; i++)
    lines.push(`bulk,K-${i},BAY,石雕厅${i % 50},${i % 5},${40 + (i % 30)}.5`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/**
 * One timed request of a bulk scenario, as a Sample: `rps` is rows per second, the percentiles are the one request's
 * time, `rssPeakBytes` the server's peak while it ran. S15 imports 100,000 unit rows into a new park (POST
 * /import/units); S16 exports that park's 100,000 units as CSV (POST /export, a connection paged 100 at a time).
 */
export async function runBulk(
  kind: BulkKind,
  server: Server,
  headers: Record<string, string>,
  round: number,
  databaseCpu: DatabaseCpu,
): Promise<{ sample: Sample; note: string }> {
  const park = parkOf(round);
  let request: () => Promise<Response>;
  if (kind === 'import') {
    await gql(server, headers, 'mutation($i: CreateParkInput!) { createPark(input: $i) { id } }', {
      i: { code: park, name: `批量导入${round + 1}` },
    });
    await gql(server, headers, 'mutation($i: CreateZoneInput!) { createZone(input: $i) { id } }', {
      i: { parkCode: park, code: 'bulk', name: '批量分区', kind: 'INDUSTRIAL' },
    });
    const file = unitFile();
    request = () =>
      fetch(`${server.url}/import/units?parkCode=${park}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'text/csv' },
        body: file,
      });
  } else {
    request = () =>
      fetch(`${server.url}/export?format=csv`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query: EXPORT_QUERY, variables: { park, first: 100 } }),
      });
  }
  let rssPeak = server.rssBytes();
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssBytes())), 200);
  const started = performance.now();
  const cpuBefore = server.cpuMs();
  const dbCpuBefore = databaseCpu?.() ?? 0;
  let ok = false;
  let note = '';
  try {
    const res = await request();
    const text = await res.text();
    if (kind === 'import') {
      const body = JSON.parse(text) as { written?: number; errors?: unknown[] };
      ok = res.status === 200 && body.written === BULK_ROWS;
      note = `import: ${body.written ?? 0} rows written, ${body.errors?.length ?? 0} errors`;
    } else {
      const rows = text.split('\r\n').filter(Boolean).length - 1;
      ok = res.status === 200 && rows === BULK_ROWS;
      note = `export: ${rows} rows, ${(text.length / 1e6).toFixed(1)} MB`;
    }
  } finally {
    clearInterval(timer);
  }
  const ms = Math.round(performance.now() - started);
  rssPeak = Math.max(rssPeak, server.rssBytes());
  return {
    sample: {
      rps: (BULK_ROWS / ms) * 1000,
      p50: ms,
      p90: ms,
      p99: ms,
      requests: 1,
      errors: 0,
      non2xx: ok ? 0 : 1,
      rssPeakBytes: rssPeak,
      cpuMsPerRequest: server.cpuMs() - cpuBefore,
      dbCpuMsPerRequest: databaseCpu ? databaseCpu() - dbCpuBefore : null,
    },
    note,
  };
}
