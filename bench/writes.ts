import type autocannon from 'autocannon';
import { Client } from 'pg';
import { toGlobalId } from '../src/graphql/node/global-id';
import { BENCH_PARK, BENCH_ZONE } from './generate';

/** What the S5 answers said, by GraphQL error code (CONFLICT is expected: several connections want one unit). */
export type WriteTally = Record<string, number>;

const LEASE = `mutation L($input: LeaseUnitsInput!) { leaseUnits(input: $input) { id } }`;
const ADVANCE = `mutation A($input: AdvanceTenancyStageInput!) { advanceTenancyStage(input: $input) { id } }`;
const END = `mutation E($input: EndTenancyInput!) { endTenancy(input: $input) { id } }`;

const DAY = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function tallyOf(body: string, tally: WriteTally): unknown {
  try {
    const parsed = JSON.parse(body) as {
      data?: Record<string, { id?: string }[] | { id?: string }>;
      errors?: { extensions?: { code?: string } }[];
    };
    for (const e of parsed.errors ?? []) {
      const code = e.extensions?.code ?? 'UNKNOWN';
      tally[code] = (tally[code] ?? 0) + 1;
    }
    if (!parsed.errors?.length) tally.OK = (tally.OK ?? 0) + 1;
    return parsed.data;
  } catch {
    tally.UNPARSABLE = (tally.UNPARSABLE ?? 0) + 1;
    return null;
  }
}

/**
 * S5: every connection cycles lease → advance to FITTING_OUT → end, on one of five units that all connections want,
 * from a random date in the 2030s–2080s, so leases collide (CONFLICT) and the exclusion constraint is what keeps
 * them apart. A lease refused starts the cycle over.
 */
export function writeSequence(
  units: string[],
  enterpriseId: string,
  tally: WriteTally,
): autocannon.RequestSpec[] {
  const body = (query: string, input: Record<string, unknown>) =>
    JSON.stringify({ query, variables: { input } });
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (req, ctx) => {
        const startsOn = addDays('2030-01-01', Math.floor(Math.random() * 18_000));
        ctx.startsOn = startsOn;
        const unit = units[Math.floor(Math.random() * units.length)];
        return {
          ...req,
          body: body(LEASE, { parkCode: BENCH_PARK, unitCodes: [unit], enterpriseId, startsOn }),
        };
      },
      onResponse: (_status, text, ctx) => {
        const data = tallyOf(text, tally) as { leaseUnits?: { id: string }[] } | null;
        ctx.tenancyId = data?.leaseUnits?.[0]?.id;
      },
    },
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (req, ctx) => {
        if (!ctx.tenancyId) return null;
        const effectiveOn = addDays(ctx.startsOn as string, 5);
        return {
          ...req,
          body: body(ADVANCE, { tenancyId: ctx.tenancyId, stage: 'FITTING_OUT', effectiveOn }),
        };
      },
      onResponse: (_status, text) => void tallyOf(text, tally),
    },
    {
      method: 'POST',
      path: '/graphql',
      setupRequest: (req, ctx) => {
        if (!ctx.tenancyId) return null;
        const endsOn = addDays(ctx.startsOn as string, 30);
        return { ...req, body: body(END, { tenancyId: ctx.tenancyId, endsOn, reason: 'bench' }) };
      },
      onResponse: (_status, text) => void tallyOf(text, tally),
    },
  ];
}

/** Five leasable bench units (the contended ones) and an enterprise to lease them to. */
export async function writeFixtures(url: string): Promise<{ units: string[]; enterpriseId: string }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const units = await client.query<{ code: string }>(
      `SELECT u.code FROM unit u JOIN zone z ON z.id = u.zone_id
       WHERE z.code = $1 AND u.leasable
         AND NOT EXISTS (SELECT 1 FROM tenancy t WHERE t.unit_id = u.id AND t.ends_on IS NULL)
       ORDER BY u.code DESC LIMIT 5`,
      [BENCH_ZONE],
    );
    const enterprise = await client.query<{ id: string }>(
      `SELECT e.id FROM enterprise e JOIN park p ON p.id = e.park_id WHERE p.code = $1 ORDER BY e.credit_code LIMIT 1`,
      [BENCH_PARK],
    );
    // The API takes global ids (node/global-id.ts), not the table's uuid.
    return {
      units: units.rows.map((r) => r.code),
      enterpriseId: toGlobalId('Enterprise', enterprise.rows[0].id),
    };
  } finally {
    await client.end();
  }
}

/** Tenancies of one unit whose date ranges overlap: must be 0 after the write mix (a double-let otherwise). */
export async function doubleLets(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tenancy a JOIN tenancy b ON a.unit_id = b.unit_id AND a.id < b.id
       WHERE daterange(a.starts_on, a.ends_on, '[)') && daterange(b.starts_on, b.ends_on, '[)')`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}
