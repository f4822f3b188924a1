import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FragmentDefinitionNode,
  getNamedType,
  GraphQLObjectType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  printSchema,
} from 'graphql';
import { NodeRegistry } from '../src/graphql/node/node-registry';
import { NODE_INTERFACE } from '../src/graphql/node/id-types';
import type { AccessExtensions, Grant } from '../src/modules/access/access.decorators';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { createApiKey } from './support/access';
import { createUserWithToken } from './support/auth';
import { dataOf, errorOf, factories, fieldsOf } from './support/factories';
import { globalId } from './support/ids';
import { schemaOf } from './support/operations';
import {
  refetchableModules,
  relayOperationText,
  runRelayCompiler,
  writeRelayModules,
} from './support/relay-documents';
import { startTestApp, TestApp } from './support/test-app';

/** The table behind each Node type (its key column is `id`), with a condition where only some rows are of the type. */
const TABLES: Record<string, string> = {
  Agreement: 'agreement',
  ApiKey: 'api_key',
  AuditEntry: 'audit_log',
  Bill: 'contract_bill',
  Certification: 'certification',
  Cohort: 'cohort',
  Contest: 'contest',
  ContestEntry: 'contest_entry',
  Contract: 'contract',
  ContractVersion: 'contract_version',
  DepositEvent: 'deposit_event',
  Enterprise: 'enterprise',
  IncentivePolicy: 'incentive_policy',
  Institution: 'institution',
  Lead: 'lead',
  LeadStageChange: 'lead_stage_event',
  Machine: 'machine',
  MachineStatusEvent: "machine_event WHERE kind = 'STATUS'",
  MachinePlacement: 'machine_placement',
  MaintenancePlan: 'maintenance_plan',
  MaintenanceRecord: 'maintenance_record',
  Obligation: 'obligation',
  Park: 'park',
  Payment: 'contract_payment',
  Program: 'talent_program',
  PublishedFigure: 'published_figure',
  RecruitmentEvent: 'recruitment_event',
  TalentTarget: 'talent_target',
  Tenancy: 'tenancy',
  TenancyStageEvent: 'tenancy_stage_event',
  Trainee: 'trainee',
  TraineeStatusEvent: 'trainee_status_event',
  Unit: 'unit',
  User: 'app_user',
  Zone: 'zone',
};
/** Types that belong to no park: an all-roles caller of another park still reads its own (none here). */
const NOT_PARK_SCOPED = new Set(['User', 'ApiKey', 'AuditEntry']);

type Caller = 'ADMIN' | 'LEASING' | 'RECRUITER' | 'ANALYST' | 'FINANCE' | 'API_KEY' | 'MACHINE_GATEWAY';
const CALLERS: Caller[] = [
  'ADMIN',
  'LEASING',
  'RECRUITER',
  'ANALYST',
  'FINANCE',
  'API_KEY',
  'MACHINE_GATEWAY',
];

/** Whether a caller passes a type's @ReadableBy grants (the grants themselves are pinned by access-matrix). */
function allowed(grants: readonly Grant[], caller: Caller): boolean {
  if (caller === 'API_KEY' || caller === 'MACHINE_GATEWAY') return grants.includes(caller);
  return grants.includes('ANY_USER') || grants.includes(caller as Grant);
}

const NODE = 'query($id: ID!) { node(id: $id) { __typename id } }';
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';

describe('global ids and node', () => {
  let t: TestApp;
  /** One global id of every Node type, from the demo park. */
  const sample: Record<string, string> = {};
  const authorization = {} as Record<Caller, string>;
  let otherPark = '';

  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource, { users: true })).toBe(true);
    const [demo] = await t.sql<{ code: string }[]>('SELECT code FROM park ORDER BY code LIMIT 1');
    const demoPark = demo!.code;
    authorization.ADMIN = t.adminAuthorization;
    for (const role of ['LEASING', 'RECRUITER', 'ANALYST', 'FINANCE'] as const) {
      authorization[role] = (
        await createUserWithToken(t.app, t.dataSource, { roles: [role as never] })
      ).authorization;
    }
    authorization.API_KEY = (await createApiKey(t, 'node reader')).authorization;
    const gateway = await t.gql<{ createApiKey: { secret: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'node gateway', kind: 'MACHINE_GATEWAY', parkCodes: [demoPark] } },
    );
    authorization.MACHINE_GATEWAY = `ApiKey ${dataOf(gateway).createApiKey.secret}`;
    // What the demo does not make: a published figure and a talent target of the demo park.
    dataOf(
      await t.gql('mutation($input: PublishFigureInput!) { publishFigure(input: $input) { id } }', {
        input: {
          measure: 'OCCUPANCY_RATE',
          scope: { parkCode: demoPark },
          asOf: '2024-06-30',
          label: 'node',
        },
      }),
    );
    dataOf(
      await t.gql('mutation($input: CreateTalentTargetInput!) { createTalentTarget(input: $input) { id } }', {
        input: {
          parkCode: demoPark,
          name: '节点目标',
          metric: 'TRAINEES_ENROLLED',
          value: 10,
          startsOn: '2024-01-01',
          dueOn: '2025-01-01',
        },
      }),
    );
    for (const [type, table] of Object.entries(TABLES)) {
      const [row] = await t.sql<{ id: string }[]>(`SELECT id::text FROM ${table} ORDER BY id LIMIT 1`);
      if (row) sample[type] = globalId(type, row.id);
    }
    // After sampling: the sample is of the demo park, never of this one.
    otherPark = (await factories(t).park('node-other-park')).code;
  });
  afterAll(async () => {
    await t.close();
  });

  it('makes every object type with an `id: ID!` a Node, and has a node source for exactly the Node types', () => {
    const schema = schemaOf(t.app);
    const withId = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
      .filter((type) => {
        const id = type.getFields().id;
        return id && isNonNullType(id.type) && getNamedType(id.type).name === 'ID';
      });
    // Me answers the caller's User or ApiKey id: it is a view of them, not an object of its own.
    const notNodes = withId
      .filter((type) => !type.getInterfaces().some((i) => i.name === NODE_INTERFACE))
      .map((type) => type.name);
    expect(notNodes).toEqual(['Me']);
    const nodeTypes = withId.map((type) => type.name).filter((name) => name !== 'Me');
    expect(nodeTypes.sort()).toEqual(t.app.get(NodeRegistry).types());
    expect(Object.keys(TABLES).sort()).toEqual(nodeTypes.sort());
  });

  it('refetches an object of every Node type by its global id, on the first and on later (compiled) sends', async () => {
    expect(Object.keys(sample).sort()).toEqual(Object.keys(TABLES).sort());
    for (const [type, id] of Object.entries(sample)) {
      for (let i = 0; i < 3; i++) {
        const res = await t.gql<{ node: unknown }>(NODE, { id });
        expect({ type, send: i, node: res.data?.node, errors: res.errors }).toEqual({
          type,
          send: i,
          node: { __typename: type, id },
          errors: undefined,
        });
      }
    }
    // All of them at once, in the order asked, with a made-up id answering null in its place.
    const ids = [...Object.values(sample), globalId('Unit', '00000000-0000-4000-8000-000000000000')];
    const res = await t.gql<{ nodes: ({ id: string } | null)[] }>(NODES, { ids });
    expect(dataOf(res).nodes.map((n) => n?.id ?? null)).toEqual([...Object.values(sample), null]);
  });

  it('answers Relay’s own refetch query of every Node type (as relay-compiler writes it), on the first and later sends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-node-'));
    try {
      // The fragments of the Relay compiler test (src/graphql/node/relay-compiler.spec.ts), against this app's schema.
      const modules = refetchableModules(schemaOf(t.app));
      writeFileSync(join(dir, 'schema.graphql'), printSchema(schemaOf(t.app)));
      writeRelayModules(join(dir, 'src'), modules);
      expect(runRelayCompiler(dir, join(dir, 'schema.graphql'))).toMatchObject({ status: 0 });
      expect(modules.map((m) => m.module).sort()).toEqual(
        Object.keys(TABLES)
          .map((type) => `Refetch${type}`)
          .sort(),
      );
      for (const { module, definitions } of modules) {
        const type = module.replace(/^Refetch/, '');
        const fragment = parse(definitions[0]!).definitions[0] as FragmentDefinitionNode;
        const fields = fragment.selectionSet.selections.flatMap((s) =>
          s.kind === Kind.FIELD ? [s.name.value] : [],
        );
        const text = relayOperationText(dir, `${module}Query`);
        for (let send = 0; send < 3; send++) {
          const res = await t.gql<{ node: Record<string, unknown> | null }>(text, { id: sample[type] });
          const node = res.data?.node;
          // Every field of the fragment answered (null is an answer: some are nullable), for the object asked.
          expect({ type, send, errors: res.errors, fields: Object.keys(node ?? {}).sort() }).toEqual({
            type,
            send,
            errors: undefined,
            fields: ['__typename', ...fields].sort(),
          });
          expect({ typename: node?.__typename, id: node?.id }).toEqual({ typename: type, id: sample[type] });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers every role as the type’s rule says, and null outside the caller’s parks (node × role × park)', async () => {
    const schema = schemaOf(t.app);
    const outside = await createUserWithToken(t.app, t.dataSource, {
      roles: ['ADMIN', 'LEASING', 'RECRUITER', 'ANALYST', 'FINANCE'] as never[],
      parks: [otherPark],
    });
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const [type, id] of Object.entries(sample)) {
      const rule = (schema.getType(type)?.extensions as AccessExtensions | undefined)?.access;
      const grants = rule?.kind === 'grants' ? rule.grants : [];
      for (const caller of CALLERS) {
        const key = `${type} as ${caller}`;
        // A gateway key may call nothing but machine events: node itself refuses it (access-matrix RULES).
        expected[key] = caller === 'MACHINE_GATEWAY' ? 'FORBIDDEN' : allowed(grants, caller) ? type : 'null';
        const [one, many] = [
          await t.gql<{ node: { __typename: string } | null }>(
            NODE,
            { id },
            { authorization: authorization[caller] },
          ),
          await t.gql<{ nodes: ({ __typename: string } | null)[] }>(
            NODES,
            { ids: [id] },
            { authorization: authorization[caller] },
          ),
        ];
        const codes = [one, many].map((r) => (r.errors ?? []).map((e) => e.extensions?.code).join(','));
        const got = [one.data?.node?.__typename ?? 'null', many.data?.nodes?.[0]?.__typename ?? 'null'];
        if (codes[0] === 'FORBIDDEN' && codes[1] === 'FORBIDDEN') actual[key] = 'FORBIDDEN';
        else
          actual[key] = got[0] === got[1] && !codes[0] && !codes[1] ? got[0]! : JSON.stringify([got, codes]);
      }
      const key = `${type} from another park`;
      expected[key] = NOT_PARK_SCOPED.has(type) ? 'any' : 'null';
      const res = await t.gql<{ node: { __typename: string } | null }>(
        NODE,
        { id },
        { authorization: outside.authorization },
      );
      actual[key] = NOT_PARK_SCOPED.has(type) ? 'any' : (res.data?.node?.__typename ?? 'null');
    }
    expect(actual).toEqual(expected);
    // Every type is readable by someone: the matrix is not null everywhere.
    for (const type of Object.keys(sample)) expect(actual[`${type} as ADMIN`]).toBe(type);
  });

  it('loads 50 ids of 3 types in as many statements as 3 ids (one per type)', async () => {
    const ids = async (table: string, type: string, n: number) =>
      (await t.sql<{ id: string }[]>(`SELECT id::text FROM ${table} ORDER BY id LIMIT ${n}`)).map((r) =>
        globalId(type, r.id),
      );
    const many = [
      ...(await ids('unit', 'Unit', 20)),
      ...(await ids('enterprise', 'Enterprise', 15)),
      ...(await ids('tenancy', 'Tenancy', 15)),
    ];
    expect(many).toHaveLength(50);
    const few = [many[0]!, many[20]!, many[35]!];
    // Unmeasured first: the caller's principal is cached for 10 s (principal-cache.ts), so whether the measured
    // send reloads it depends on how long the tests before took, not on `nodes`.
    dataOf(await t.gql(NODES, { ids: few }));
    const small = await t.queries.measure(() => t.gql<{ nodes: unknown[] }>(NODES, { ids: few }));
    const large = await t.queries.measure(() =>
      t.gql<{ nodes: ({ id: string } | null)[] }>(NODES, { ids: many }),
    );
    expect(dataOf(large.result).nodes.map((n) => n?.id)).toEqual(many);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(3);
  });

  it('refuses more than 100 ids with BAD_USER_INPUT naming ids', async () => {
    const ids = Array.from({ length: 101 }, () => sample.Unit!);
    expect(fieldsOf(errorOf(await t.gql(NODES, { ids }), 'BAD_USER_INPUT')).map((f) => f.field)).toEqual([
      'ids',
    ]);
  });

  it('refuses an id of the wrong type with BAD_USER_INPUT naming the field', async () => {
    const res = await t.gql('query($id: ID!) { enterprise(id: $id) { id } }', { id: sample.Unit });
    expect(fieldsOf(errorOf(res, 'BAD_USER_INPUT'))).toEqual([
      { field: 'id', message: 'id must be an Enterprise id, not a Unit id' },
    ]);
  });
});
