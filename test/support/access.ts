import { dataOf } from './factories';
import type { GqlResponse, TestApp } from './test-app';

/** Tables whose row counts show whether a refused mutation wrote anything. */
export const WRITTEN_TABLES = [
  'park',
  'zone',
  'unit',
  'enterprise',
  'tenancy',
  'tenancy_stage_event',
  'app_user',
  'app_user_park',
  'api_key',
  'api_key_park',
  'audit_log',
  'machine',
  'machine_placement',
  'machine_event',
  'maintenance_plan',
  'maintenance_record',
  'institution',
  'institution_contact',
  'agreement',
  'agreement_party',
  'obligation',
  'recruitment_event',
  'lead',
  'lead_event',
  'lead_stage_event',
  'talent_program',
  'cohort',
  'trainee',
  'cohort_trainee',
  'trainee_status_event',
  'certification',
  'contest',
  'contest_entry',
  'talent_target',
  'cohort_institution',
  'contract',
  'contract_version',
  'contract_tenancy',
  'contract_incentive',
  'incentive_policy',
  'contract_bill',
  'contract_payment',
  'payment_allocation',
  'deposit_event',
  'published_figure',
] as const;

/** What a fingerprint reads of a table when not every column (see fingerprints). */
const FINGERPRINT_SOURCES: Partial<Record<(typeof WRITTEN_TABLES)[number], string>> = {
  api_key:
    'SELECT id, name, prefix, secret_hash, all_parks, created_by_id, created_at, revoked_at FROM api_key',
};

/** Row count of each table, counted directly in the database. */
export async function tableCounts(
  t: TestApp,
  tables: readonly string[] = WRITTEN_TABLES,
): Promise<Record<string, number>> {
  const [row] = await t.sql<Record<string, number>[]>(
    `SELECT ${tables.map((name) => `(SELECT count(*)::int FROM ${name}) AS ${name}`).join(', ')}`,
  );
  return row!;
}

export interface CreatedKey {
  id: string;
  prefix: string;
  secret: string;
  /** `Authorization` header value for this key. */
  authorization: string;
}

/** Creates an API key through the createApiKey mutation, as the caller given (the test admin by default). */
export async function createApiKey(
  t: TestApp,
  name: string,
  options: { parkCodes?: string[]; authorization?: string } = {},
): Promise<CreatedKey> {
  const res = await t.gql<{ createApiKey: { secret: string; apiKey: { id: string; prefix: string } } }>(
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix } } }',
    { input: { name, ...(options.parkCodes ? { parkCodes: options.parkCodes } : {}) } },
    options.authorization ? { authorization: options.authorization } : {},
  );
  const { secret, apiKey } = dataOf(res).createApiKey;
  return { id: apiKey.id, prefix: apiKey.prefix, secret, authorization: `ApiKey ${secret}` };
}

/** The error codes of a response, in order (empty when it succeeded). */
export function codesOf(res: GqlResponse<unknown>): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

const LOGIN = `mutation($username: String!, $password: String!) {
  login(username: $username, password: $password) { accessToken expiresAt user { id username } }
}`;

export type LoginResponse = GqlResponse<{
  login: { accessToken: string; expiresAt: string; user: { id: string; username: string } };
}>;

let ipCounter = 0;
/** A client address no other sign-in of this test file used (the rate limit counts failures per IP). */
export function freshIp(): string {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

/**
 * Signs in through the login mutation from a client address (app.inject's remoteAddress: no socket is opened), with
 * no Authorization header. A fresh address unless one is given.
 */
export async function login(
  t: TestApp,
  username: string,
  password: string,
  ip: string = freshIp(),
): Promise<LoginResponse> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query: LOGIN, variables: { username, password } }),
  });
  const body = response.json<{ data?: LoginResponse['data']; errors?: LoginResponse['errors'] }>();
  return { status: response.statusCode, data: body.data, errors: body.errors, headers: response.headers };
}

/**
 * A fingerprint of every row of the tables a mutation may write (api_key without last_used_at, which every use of a
 * key sets): equal fingerprints mean nothing was inserted, changed or deleted.
 */
export async function fingerprints(t: TestApp): Promise<Record<string, string>> {
  const sources = Object.fromEntries(
    WRITTEN_TABLES.map((table) => [table, FINGERPRINT_SOURCES[table] ?? `SELECT * FROM ${table}`]),
  );
  const [row] = await t.sql<Record<string, string>[]>(
    `SELECT ${Object.entries(sources)
      .map(
        ([name, sql]) =>
          `(SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM (${sql}) r) AS ${name}`,
      )
      .join(', ')}`,
  );
  return row!;
}
