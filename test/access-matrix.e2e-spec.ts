import { getNamedType, GraphQLObjectType, GraphQLSchema, isObjectType } from 'graphql';
import type { AccessExtensions } from '../src/modules/access/access.decorators';
import { Role } from '../src/modules/access/access.enums';
import { codesOf, createApiKey, fingerprints, tableCounts, WRITTEN_TABLES } from './support/access';
import { createUserWithToken, TEST_PASSWORD } from './support/auth';
import { dataOf, factories, nextCreditCode } from './support/factories';
import { contractFactories } from './support/contracts';
import { machineFactories } from './support/machines';
import { partnerFactories } from './support/partners';
import { enrol, nextIdNumber, person } from './support/talent';
import {
  madeUpId,
  minimalRequest,
  Operation,
  operationsOf,
  PathStep,
  pathRequest,
  schemaOf,
} from './support/operations';
import { GqlResponse, startTestApp, TestApp } from './support/test-app';

/**
 * Every query and mutation of the schema against every kind of caller. The expected outcomes are written out by hand
 * from the @Public/@Allow rules of the resolvers (and the product rules they implement), so that a change of a rule,
 * or a new operation, has to be made here too.
 */

type Caller =
  'anonymous' | 'ADMIN' | 'LEASING' | 'RECRUITER' | 'ANALYST' | 'FINANCE' | 'API_KEY' | 'MACHINE_GATEWAY';
/** MACHINE_GATEWAY: a gateway's API key, allowed only where a rule names it. */
const CALLERS: Caller[] = [
  'anonymous',
  'ADMIN',
  'LEASING',
  'RECRUITER',
  'ANALYST',
  'FINANCE',
  'API_KEY',
  'MACHINE_GATEWAY',
];

type Grant = Exclude<Caller, 'anonymous'> | 'ANY_USER';
type Rule = 'PUBLIC' | readonly Grant[];

const ADMIN_ONLY: Grant[] = ['ADMIN'];
/** Parks, zones, units, enterprises and park figures: every role and read-only API keys. */
const PARK_READERS: Grant[] = ['ADMIN', 'LEASING', 'ANALYST', 'RECRUITER', 'FINANCE', 'API_KEY'];
/** Tenancies and their history (who holds which unit): not recruiters. */
const TENANCY_READERS: Grant[] = ['ADMIN', 'LEASING', 'ANALYST', 'FINANCE', 'API_KEY'];
/** Who may change units, enterprises and tenancies. */
const LEASING_WRITERS: Grant[] = ['ADMIN', 'LEASING'];
/** Machines and their figures: every role and read keys. */
const MACHINE_READERS: Grant[] = [...PARK_READERS];
/** Shop-floor events: leasing writers and machine gateways. */
const MACHINE_REPORTERS: Grant[] = [...LEASING_WRITERS, 'MACHINE_GATEWAY'];
/** Institutions, agreements, events, leads and their figures: every role and read keys (issue 11). */
const PARTNER_READERS: Grant[] = [...PARK_READERS];
/** The partner register (institutions): recruiters and admins. */
const INSTITUTION_WRITERS: Grant[] = ['ADMIN', 'RECRUITER'];
/** Agreements, obligations, recruitment events and leads: admins and leasing (issue 11). */
const PARTNER_WRITERS: Grant[] = ['ADMIN', 'LEASING'];

/** Trainees, cohorts, certificates, contests (people; personal data masked for analysts): not LEASING, not API keys. */
const TALENT_READERS: Grant[] = ['ADMIN', 'RECRUITER', 'ANALYST'];
/** Who may change the talent pipeline (issue 12); erasure is ADMIN only. */
const TALENT_WRITERS: Grant[] = ['ADMIN', 'RECRUITER'];

/** Contracts, bills, payments and rent figures: not recruiters (nor gateways). */
const FINANCE_READERS: Grant[] = ['ADMIN', 'LEASING', 'FINANCE', 'ANALYST', 'API_KEY'];
/** Contracts, amendments, terminations, incentive policies. */
const CONTRACT_WRITERS: Grant[] = ['ADMIN', 'LEASING'];
/** Payments and deposits. */
const PAYMENT_WRITERS: Grant[] = ['ADMIN', 'FINANCE'];

const RULES: Record<string, Rule> = {
  'Query.agreement': PARTNER_READERS,
  'Query.agreements': PARTNER_READERS,
  'Query.agreementsExpiring': PARTNER_READERS,
  'Query.certifications': TALENT_READERS,
  'Query.cohort': TALENT_READERS,
  'Query.cohorts': TALENT_READERS,
  'Query.contests': TALENT_READERS,
  'Query.programs': TALENT_READERS,
  'Query.trainee': TALENT_READERS,
  'Query.trainees': TALENT_READERS,
  'Query.cohortFunnel': PARK_READERS,
  'Query.talentTargets': PARK_READERS,
  'Mutation.createCohort': TALENT_WRITERS,
  'Mutation.createContest': TALENT_WRITERS,
  'Mutation.createProgram': TALENT_WRITERS,
  'Mutation.createTalentTarget': TALENT_WRITERS,
  'Mutation.createTrainee': TALENT_WRITERS,
  'Mutation.enrolTrainees': TALENT_WRITERS,
  'Mutation.eraseTrainee': ADMIN_ONLY,
  'Mutation.moveCohort': TALENT_WRITERS,
  'Mutation.moveTrainee': TALENT_WRITERS,
  'Mutation.recordCertification': TALENT_WRITERS,
  'Mutation.recordContestEntries': TALENT_WRITERS,
  'Query.apiKeys': ADMIN_ONLY,
  'Query.auditLog': ADMIN_ONLY,
  'Query.collectionRate': FINANCE_READERS,
  'Query.contract': FINANCE_READERS,
  'Query.contracts': FINANCE_READERS,
  'Query.incentivePolicies': FINANCE_READERS,
  'Query.receivablesAging': FINANCE_READERS,
  'Query.rentRoll': FINANCE_READERS,
  'Query.enterprise': PARK_READERS,
  'Query.enterprises': PARK_READERS,
  'Query.figures': PARK_READERS,
  'Query.health': 'PUBLIC',
  'Query.institution': PARTNER_READERS,
  'Query.institutions': PARTNER_READERS,
  'Query.machine': MACHINE_READERS,
  'Query.machineStats': MACHINE_READERS,
  'Query.machines': MACHINE_READERS,
  'Query.maintenanceDue': MACHINE_READERS,
  'Query.strandedMachines': MACHINE_READERS,
  'Query.followUpsDue': PARTNER_READERS,
  'Query.lead': PARTNER_READERS,
  // Any caller with an account or a read key; the rule of the type an id names applies at run time (null when not
  // allowed: node.e2e-spec.ts), so that gateways are refused here like every other read.
  'Query.node': ['ANY_USER', 'API_KEY'],
  'Query.nodes': ['ANY_USER', 'API_KEY'],
  'Query.leads': PARTNER_READERS,
  'Query.obligationsOverdue': PARTNER_READERS,
  'Query.recruitmentEvents': PARTNER_READERS,
  'Query.recruitmentFunnel': PARTNER_READERS,
  'Query.me': ['ANY_USER', 'API_KEY'],
  'Query.occupancyTrend': PARK_READERS,
  'Query.park': PARK_READERS,
  'Query.parkOverview': PARK_READERS,
  'Query.parks': PARK_READERS,
  'Query.publishedFigures': PARK_READERS,
  'Query.tenancies': TENANCY_READERS,
  'Query.tenancy': TENANCY_READERS,
  'Query.unit': PARK_READERS,
  'Query.units': PARK_READERS,
  'Query.users': ADMIN_ONLY,
  'Mutation.addObligation': PARTNER_WRITERS,
  'Mutation.advanceLead': PARTNER_WRITERS,
  'Mutation.convertLead': PARTNER_WRITERS,
  'Mutation.createAgreement': PARTNER_WRITERS,
  'Mutation.createLead': PARTNER_WRITERS,
  'Mutation.createRecruitmentEvent': PARTNER_WRITERS,
  'Mutation.recordObligationProgress': PARTNER_WRITERS,
  'Mutation.terminateAgreement': PARTNER_WRITERS,
  'Mutation.updateAgreement': PARTNER_WRITERS,
  'Mutation.updateLead': PARTNER_WRITERS,
  'Query.verifyPublishedFigure': ADMIN_ONLY,
  'Mutation.advanceTenancyStage': LEASING_WRITERS,
  'Mutation.amendContract': CONTRACT_WRITERS,
  'Mutation.applyIncentive': CONTRACT_WRITERS,
  'Mutation.createContract': CONTRACT_WRITERS,
  'Mutation.createIncentivePolicy': CONTRACT_WRITERS,
  'Mutation.recordDepositEvent': PAYMENT_WRITERS,
  'Mutation.recordPayment': PAYMENT_WRITERS,
  'Mutation.terminateContract': CONTRACT_WRITERS,
  'Mutation.changeMyPassword': ['ANY_USER'],
  'Mutation.correctTenancyStage': LEASING_WRITERS,
  'Mutation.createApiKey': ADMIN_ONLY,
  'Mutation.createEnterprise': LEASING_WRITERS,
  'Mutation.createInstitution': INSTITUTION_WRITERS,
  'Mutation.createMaintenancePlan': LEASING_WRITERS,
  'Mutation.createPark': ADMIN_ONLY,
  'Mutation.createUnits': LEASING_WRITERS,
  'Mutation.createUser': ADMIN_ONLY,
  'Mutation.createZone': LEASING_WRITERS,
  'Mutation.disableUser': ADMIN_ONLY,
  'Mutation.enableUser': ADMIN_ONLY,
  'Mutation.endTenancy': LEASING_WRITERS,
  'Mutation.installMachine': LEASING_WRITERS,
  'Mutation.leaseUnits': LEASING_WRITERS,
  'Mutation.login': 'PUBLIC',
  'Mutation.moveMachine': LEASING_WRITERS,
  'Mutation.publishFigure': ADMIN_ONLY,
  /** Any import's writers; the entity's own mutation rule applies on top (reports-import-upload.e2e-spec.ts). */
  'Mutation.importSpreadsheet': ['ADMIN', 'LEASING', 'RECRUITER'],
  'Mutation.recordMachineEvents': MACHINE_REPORTERS,
  'Mutation.recordMaintenance': LEASING_WRITERS,
  'Mutation.registerMachine': LEASING_WRITERS,
  'Mutation.removeMachine': LEASING_WRITERS,
  'Mutation.revokeApiKey': ADMIN_ONLY,
  'Mutation.setUserPassword': ADMIN_ONLY,
  'Mutation.updateEnterprise': LEASING_WRITERS,
  'Mutation.updateInstitution': INSTITUTION_WRITERS,
  'Mutation.updateUnit': LEASING_WRITERS,
  'Mutation.updateUser': ADMIN_ONLY,
  'Mutation.updateZone': LEASING_WRITERS,
};

/**
 * Who may read each object type, whatever path reaches it (the @ReadableBy / @Public / @PartOfParent next to each
 * model). PART_OF_PARENT: no data of its own, readable wherever the field that reaches it is.
 */
const TYPE_RULES: Record<string, Rule | 'PART_OF_PARENT'> = {
  Agreement: PARTNER_READERS,
  AgreementConnection: 'PART_OF_PARENT',
  AgreementEdge: 'PART_OF_PARENT',
  AgreementKindCount: 'PART_OF_PARENT',
  AgreementParty: 'PART_OF_PARENT',
  Certification: TALENT_READERS,
  CertificationConnection: 'PART_OF_PARENT',
  CertificationEdge: 'PART_OF_PARENT',
  CertificationLevelCount: 'PART_OF_PARENT',
  Cohort: TALENT_READERS,
  CohortFunnel: PARK_READERS,
  Contest: TALENT_READERS,
  ContestEntry: TALENT_READERS,
  EnrolTraineesResult: 'PART_OF_PARENT',
  FunnelStage: 'PART_OF_PARENT',
  MoveCohortResult: 'PART_OF_PARENT',
  Program: TALENT_READERS,
  TalentFigures: PARK_READERS,
  TalentTarget: PARK_READERS,
  Trainee: TALENT_READERS,
  TraineeConnection: 'PART_OF_PARENT',
  TraineeEdge: 'PART_OF_PARENT',
  TraineeStatusCount: 'PART_OF_PARENT',
  TraineeStatusEvent: TALENT_READERS,
  AgingBuckets: 'PART_OF_PARENT',
  AgingRow: 'PART_OF_PARENT',
  ApiKey: ADMIN_ONLY,
  Bill: FINANCE_READERS,
  CollectionRate: FINANCE_READERS,
  Contract: FINANCE_READERS,
  ContractBalance: FINANCE_READERS,
  ContractConnection: 'PART_OF_PARENT',
  ContractEdge: 'PART_OF_PARENT',
  ContractVersion: FINANCE_READERS,
  DepositEvent: FINANCE_READERS,
  IncentivePolicy: FINANCE_READERS,
  ParkRent: FINANCE_READERS,
  Payment: FINANCE_READERS,
  ReceivablesAging: FINANCE_READERS,
  RentRollEntry: FINANCE_READERS,
  AuditChange: 'PART_OF_PARENT',
  AuditEntry: ADMIN_ONLY,
  AuditEntryConnection: 'PART_OF_PARENT',
  AuditEntryEdge: 'PART_OF_PARENT',
  ConvertLeadResult: 'PART_OF_PARENT',
  CreatedApiKey: ADMIN_ONLY,
  Enterprise: PARK_READERS,
  EnterpriseConnection: 'PART_OF_PARENT',
  EnterpriseEdge: 'PART_OF_PARENT',
  EventKindCount: 'PART_OF_PARENT',
  FunnelGroup: 'PART_OF_PARENT',
  FunnelMedians: 'PART_OF_PARENT',
  FigureCorrection: 'PART_OF_PARENT',
  FigureRow: PARK_READERS,
  FigureVerification: ADMIN_ONLY,
  HealthStatus: 'PUBLIC',
  ImportRowError: 'PART_OF_PARENT',
  Institution: PARTNER_READERS,
  InstitutionConnection: 'PART_OF_PARENT',
  InstitutionContact: PARTNER_READERS,
  InstitutionEdge: 'PART_OF_PARENT',
  InstitutionKindCount: 'PART_OF_PARENT',
  Lead: PARTNER_READERS,
  LeadConnection: 'PART_OF_PARENT',
  LeadEdge: 'PART_OF_PARENT',
  LeadOpening: 'PART_OF_PARENT',
  LeadStageChange: PARTNER_READERS,
  LeadStageCount: 'PART_OF_PARENT',
  LoginResult: 'PUBLIC',
  Machine: MACHINE_READERS,
  MachineConnection: 'PART_OF_PARENT',
  MachineEdge: 'PART_OF_PARENT',
  MachineEventError: 'PART_OF_PARENT',
  MachineEventResult: 'PART_OF_PARENT',
  MachinePlacement: MACHINE_READERS,
  MachineStats: MACHINE_READERS,
  MachineStatusCount: 'PART_OF_PARENT',
  MachineStatusEvent: MACHINE_READERS,
  MaintenanceDue: MACHINE_READERS,
  MaintenancePlan: MACHINE_READERS,
  MaintenanceRecord: MACHINE_READERS,
  MeasureValue: 'PART_OF_PARENT',
  Me: ['ANY_USER', 'API_KEY'],
  Obligation: PARTNER_READERS,
  Occupancy: 'PART_OF_PARENT',
  OccupancyPoint: PARK_READERS,
  PageInfo: 'PART_OF_PARENT',
  RecordMachineEventsResult: 'PART_OF_PARENT',
  Park: PARK_READERS,
  PartnerFigures: PARTNER_READERS,
  RecruitmentEvent: PARTNER_READERS,
  RecruitmentEventConnection: 'PART_OF_PARENT',
  RecruitmentEventEdge: 'PART_OF_PARENT',
  RecruitmentFigures: PARTNER_READERS,
  RecruitmentFunnel: PARTNER_READERS,
  PublishedFigure: PARK_READERS,
  PublishedFigureConnection: 'PART_OF_PARENT',
  PublishedFigureEdge: 'PART_OF_PARENT',
  ParkOverview: PARK_READERS,
  Tenancy: TENANCY_READERS,
  TenancyConnection: 'PART_OF_PARENT',
  TenancyEdge: 'PART_OF_PARENT',
  TenancyStageEvent: TENANCY_READERS,
  Unit: PARK_READERS,
  UnitConnection: 'PART_OF_PARENT',
  SpreadsheetImport: ['ADMIN', 'LEASING', 'RECRUITER'],
  UnitEdge: 'PART_OF_PARENT',
  User: ADMIN_ONLY,
  Zone: PARK_READERS,
};
/** Fields that return the caller's own record (@OwnRecord): their type's rule does not apply there. */
const OWN_RECORD = new Set(['LoginResult.user', 'Mutation.changeMyPassword']);
/** Fields with a rule of their own, on top of their type's (none yet: personal data is masked, not refused). */
const FIELD_RULES: Record<string, Rule> = {};

type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function expectedOutcome(rule: Rule, caller: Caller): Outcome {
  if (rule === 'PUBLIC') return 'ALLOWED';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (rule.includes(caller)) return 'ALLOWED';
  if (caller !== 'API_KEY' && caller !== 'MACHINE_GATEWAY' && rule.includes('ANY_USER')) return 'ALLOWED';
  return 'FORBIDDEN';
}

/** Every rule met on the way; the request is refused at the first refusing one, unauthenticated callers first. */
function expectedOnPath(rules: readonly Rule[], caller: Caller): Outcome {
  const outcomes = rules.map((rule) => expectedOutcome(rule, caller));
  if (outcomes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  return outcomes.includes('FORBIDDEN') ? 'FORBIDDEN' : 'ALLOWED';
}

const NO_RULE = 'This operation has no access rule';
/** Errors an allowed caller may meet with made-up arguments: the operation ran and refused the data. */
const DATA_ERRORS = new Set(['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT']);

/** What a response says about access; anything unexpected is spelled out so that a mismatch is readable. */
function outcomeOf(res: GqlResponse<unknown>): string {
  const codes = codesOf(res);
  if (codes.length === 0) return res.data ? 'ALLOWED' : `HTTP ${res.status} without data or errors`;
  const first = res.errors![0]!;
  if (codes.includes('FORBIDDEN')) return first.message === NO_RULE ? `FORBIDDEN (${NO_RULE})` : 'FORBIDDEN';
  if (codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (codes.every((c) => DATA_ERRORS.has(c))) return 'ALLOWED';
  return `unexpected ${codes.join(', ')}: ${first.message}`;
}

describe('access matrix: every operation × every caller', () => {
  let t: TestApp;
  let operations: Map<string, Operation>;
  const authorization = {} as Record<Caller, string>;
  /** The public login is called with a real account, so that "allowed" means it signs in. */
  const overrides: Record<string, Record<string, unknown>> = {
    'Mutation.login': { username: 'matrix-login', password: TEST_PASSWORD },
  };

  const call = (op: Operation, caller: Caller) => {
    const { query, variables } = minimalRequest(op, overrides[op.key]);
    return t.gql(query, variables, { authorization: authorization[caller] });
  };

  beforeAll(async () => {
    // The matrix signs in many times; the rate limit has its own tests (access.e2e-spec.ts).
    t = await startTestApp({ LOGIN_MAX_FAILURES: '1000' });
    operations = new Map(operationsOf(schemaOf(t.app)).map((op) => [op.key, op]));
    authorization.anonymous = '';
    authorization.ADMIN = t.adminAuthorization;
    for (const role of [Role.LEASING, Role.RECRUITER, Role.ANALYST, Role.FINANCE] as const) {
      const user = await createUserWithToken(t.app, t.dataSource, {
        roles: [role],
        username: `matrix-${role}`,
      });
      authorization[role] = user.authorization;
    }
    authorization.API_KEY = (await createApiKey(t, 'matrix report client')).authorization;
    const gatewayPark = await factories(t).park('matrix-gateway-park');
    const gateway = await t.gql<{ createApiKey: { secret: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'matrix gateway', kind: 'MACHINE_GATEWAY', parkCodes: [gatewayPark.code] } },
    );
    authorization.MACHINE_GATEWAY = `ApiKey ${dataOf(gateway).createApiKey.secret}`;
    await createUserWithToken(t.app, t.dataSource, { roles: [Role.ANALYST], username: 'matrix-login' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a rule in the table for exactly the operations of the schema', () => {
    const inSchema = [...operations.keys()].sort();
    expect(inSchema.length).toBeGreaterThan(30);
    expect(inSchema).toEqual(Object.keys(RULES).sort());
  });

  it('has an access rule on every operation: the all-parks ADMIN never meets "no access rule"', async () => {
    const withoutRule: string[] = [];
    for (const op of operations.values()) {
      const res = await call(op, 'ADMIN');
      if (res.errors?.some((e) => e.message === NO_RULE)) withoutRule.push(op.key);
    }
    expect(withoutRule).toEqual([]);
  });

  it.each(Object.keys(RULES))('answers every caller of %s as its rule says', async (key) => {
    const op = operations.get(key);
    expect(op).toBeDefined();
    const rule = RULES[key]!;
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    // Refused callers first: a refused mutation must leave every table as it was.
    const refusedFirst = [...CALLERS].sort(
      (x, y) =>
        Number(expectedOutcome(rule, x) === 'ALLOWED') - Number(expectedOutcome(rule, y) === 'ALLOWED'),
    );
    const countsBefore = await tableCounts(t);
    let countsAfterRefusals: Record<string, number> | undefined;
    for (const caller of refusedFirst) {
      expected[caller] = expectedOutcome(rule, caller);
      if (expected[caller] === 'ALLOWED') countsAfterRefusals ??= await tableCounts(t);
      actual[caller] = outcomeOf(await call(op!, caller));
    }
    expect(actual).toEqual(expected);
    expect(countsAfterRefusals ?? (await tableCounts(t))).toEqual(countsBefore);
  });

  describe('rules in code', () => {
    const objectTypes = (schema: GraphQLSchema) =>
      Object.values(schema.getTypeMap()).filter(
        (type): type is GraphQLObjectType =>
          isObjectType(type) &&
          !type.name.startsWith('__') &&
          type !== schema.getQueryType() &&
          type !== schema.getMutationType(),
      );
    const asTableRule = (access: AccessExtensions['access']): Rule | 'PART_OF_PARENT' | 'NONE' => {
      if (!access) return 'NONE';
      if (access.kind === 'public') return 'PUBLIC';
      if (access.kind === 'parent') return 'PART_OF_PARENT';
      return [...(access.grants as Grant[])].sort();
    };
    const sorted = (rule: Rule | 'PART_OF_PARENT' | undefined) =>
      Array.isArray(rule) ? [...rule].sort() : rule;

    it('declares an access rule on every object type (a new type without one fails here, and is refused)', () => {
      const schema = schemaOf(t.app);
      const missing = objectTypes(schema)
        .filter((type) => !(type.extensions as AccessExtensions).access)
        .map((type) => type.name);
      expect(objectTypes(schema).length).toBeGreaterThan(20);
      expect(missing).toEqual([]);
    });

    it('declares exactly the rules of the tables in this test: types, operations, own-record and field rules', () => {
      const schema = schemaOf(t.app);
      const inCode: Record<string, unknown> = {};
      const inTables: Record<string, unknown> = {};
      for (const type of objectTypes(schema)) {
        inCode[type.name] = asTableRule((type.extensions as AccessExtensions).access);
        inTables[type.name] = sorted(TYPE_RULES[type.name]) ?? 'NONE';
        for (const field of Object.values(type.getFields())) {
          const ext = field.extensions as AccessExtensions;
          const key = `${type.name}.${field.name}`;
          if (ext.access) inCode[key] = asTableRule(ext.access);
          if (ext.ownRecord) inCode[`${key} (own record)`] = true;
        }
      }
      for (const op of operations.values()) {
        const ext = op.field.extensions as AccessExtensions;
        inCode[op.key] = asTableRule(ext.access);
        if (ext.ownRecord) inCode[`${op.key} (own record)`] = true;
      }
      for (const [key, rule] of Object.entries({ ...RULES, ...FIELD_RULES })) inTables[key] = sorted(rule);
      for (const key of OWN_RECORD) inTables[`${key} (own record)`] = true;
      expect(inCode).toEqual(inTables);
    });
  });

  describe('nested paths: every object type, and every field returning one, × every caller', () => {
    interface Route {
      op: Operation;
      steps: PathStep[];
      /** Every rule on the way, from the test's tables. */
      rules: Rule[];
      /** How many callers the route refuses. */
      refused: number;
    }

    /** The rules of one position: the operation's (or the field's own), then its type's unless @OwnRecord. */
    const rulesAt = (coordinate: string, typeName: string, isRoot: boolean): Rule[] => {
      const rules: Rule[] = [];
      const own = isRoot ? RULES[coordinate] : FIELD_RULES[coordinate];
      if (own) rules.push(own);
      const typeRule = TYPE_RULES[typeName] ?? [];
      if (!OWN_RECORD.has(coordinate) && typeRule !== 'PART_OF_PARENT') rules.push(typeRule);
      return rules;
    };
    const route = (op: Operation, steps: PathStep[], rules: Rule[]): Route => ({
      op,
      steps,
      rules,
      refused: CALLERS.filter((c) => expectedOnPath(rules, c) !== 'ALLOWED').length,
    });
    const label = (r: Route) => [r.op.key, ...r.steps.map((s) => s.field.name)].join('.');

    /**
     * The shortest path from a root field to every object type, computed from the schema; among paths, the one the
     * most callers may take wins (then the shorter, then queries before mutations), so that a refusal seen at the
     * end of a path is the last type's own and not an ancestor's.
     */
    function bestRoutes(schema: GraphQLSchema, roots = [...operations.values()]): Map<string, Route> {
      const best = new Map<string, Route>();
      const offer = (typeName: string, candidate: Route): boolean => {
        const current = best.get(typeName);
        const better =
          !current ||
          candidate.refused < current.refused ||
          (candidate.refused === current.refused && candidate.steps.length < current.steps.length);
        if (better) best.set(typeName, candidate);
        return better;
      };
      for (const op of roots) {
        const type = getNamedType(op.field.type);
        if (isObjectType(type)) offer(type.name, route(op, [], rulesAt(op.key, type.name, true)));
      }
      for (let changed = true; changed;) {
        changed = false;
        for (const [typeName, r] of [...best]) {
          for (const field of Object.values((schema.getType(typeName) as GraphQLObjectType).getFields())) {
            const next = getNamedType(field.type);
            if (!isObjectType(next)) continue;
            const rules = [...r.rules, ...rulesAt(`${typeName}.${field.name}`, next.name, false)];
            if (offer(next.name, route(r.op, [...r.steps, { parent: typeName, field }], rules)))
              changed = true;
          }
        }
      }
      return best;
    }

    it('reaches every object type from a root field, and answers every caller of every path as the tables say', async () => {
      const schema = schemaOf(t.app);
      const best = bestRoutes(schema);
      const unreached = Object.keys(TYPE_RULES).filter((name) => !best.has(name));
      expect(unreached).toEqual([]);
      // Every type's own path, and every field returning an object type, taken from its parent's path.
      const cases = new Map<string, Route>();
      for (const r of best.values()) cases.set(label(r), r);
      // unit(parkCode, code) is the shortest way to a Unit, but the units list reads tenancies (and enterprises)
      // ahead in its own statement (look-ahead): take Unit's fields through the list as well.
      const throughList = bestRoutes(schema, [operations.get('Query.units')!]).get('Unit')!;
      cases.set(label(throughList), throughList);
      for (const [typeName, r] of [...best, ['Unit', throughList] as const]) {
        for (const field of Object.values((schema.getType(typeName) as GraphQLObjectType).getFields())) {
          const next = getNamedType(field.type);
          if (!isObjectType(next)) continue;
          const rules = [...r.rules, ...rulesAt(`${typeName}.${field.name}`, next.name, false)];
          const extended = route(r.op, [...r.steps, { parent: typeName, field }], rules);
          cases.set(label(extended), extended);
        }
      }
      expect(cases.size).toBeGreaterThan(40);
      expect([...cases.keys()]).toEqual(
        expect.arrayContaining([
          'Query.units.edges.node.currentTenancy',
          'Query.units.edges.node.tenancies',
          'Query.tenancy.strandedMachines',
          'Query.parkOverview.rent',
          'Query.tenancy.contract',
          'Query.contract.schedule',
          'Query.parkOverview.machinesByStatus',
          'Mutation.recordMachineEvents.results.error',
          'Query.enterprise.tenancies',
          'Query.park.zones',
          'Query.tenancy.stageHistory',
          'Mutation.login.user',
        ]),
      );
      const expected: Record<string, Record<Caller, string>> = {};
      const actual: Record<string, Record<Caller, string>> = {};
      for (const [name, r] of cases) {
        const { query, variables } = pathRequest(r.op, r.steps, overrides[r.op.key]);
        expected[name] = {} as Record<Caller, string>;
        actual[name] = {} as Record<Caller, string>;
        await Promise.all(
          CALLERS.map(async (caller) => {
            expected[name]![caller] = expectedOnPath(r.rules, caller);
            const res = await t.gql(query, variables, { authorization: authorization[caller] });
            actual[name]![caller] = outcomeOf(res);
          }),
        );
      }
      expect(actual).toEqual(expected);
    }, 60_000);
  });

  describe('a RECRUITER reads units but not who holds them, on any path (issue 7 regressions)', () => {
    let parkCode: string;
    let enterpriseName: string;

    beforeAll(async () => {
      const f = factories(t);
      const park = await f.park('holders-park');
      const zone = await f.zone(park.code, 'holders-zone');
      await f.units(park.code, zone.code, [{ code: 'H-001' }, { code: 'H-002' }]);
      const enterprise = await f.enterprise({ parkCode: park.code, name: '持有人企业' });
      await f.lease({
        enterpriseId: enterprise.id,
        parkCode: park.code,
        unitCodes: ['H-001'],
        startsOn: '2024-01-01',
      });
      parkCode = park.code;
      enterpriseName = enterprise.name;
    });

    const PARK_HOLDERS = `query($p: String!) {
      park(code: $p) { zones { units { edges { node { code currentTenancy { enterprise { name } } } } } } }
    }`;
    const ENTERPRISE_UNITS = `query($p: String!) {
      enterprises(filter: { parkCode: $p }) { edges { node { name tenancies { unit { code } } } } }
    }`;
    /** The same through a named fragment and an inline fragment. */
    const THROUGH_FRAGMENTS = `query($p: String!) {
      units(filter: { parkCode: $p }) { edges { node { ...UnitHolder } } }
    }
    fragment UnitHolder on Unit { code ... on Unit { tenancies { enterprise { name } } } }`;
    const CONDITIONAL = `query($p: String!, $holders: Boolean!) {
      units(filter: { parkCode: $p }) { edges { node { code currentTenancy @include(if: $holders) { id } } } }
    }`;

    /** Sent three times: the first execution, then the ones graphql-jit compiled. */
    const thrice = async (query: string, variables: Record<string, unknown>, authorization: string) => {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await t.gql(query, variables, { authorization }));
      return answers;
    };

    it.each([
      [
        'park { zones { units { currentTenancy { enterprise } } } }',
        PARK_HOLDERS,
        'park.zones.units.edges.node.currentTenancy',
      ],
      ['enterprises { tenancies { unit } }', ENTERPRISE_UNITS, 'enterprises.edges.node.tenancies'],
      [
        'units { ...fragment { ... on Unit { tenancies } } }',
        THROUGH_FRAGMENTS,
        'units.edges.node.tenancies',
      ],
    ])(
      'refuses %s with FORBIDDEN naming Tenancy and the path, every time; LEASING reads the holder',
      async (_, query, at) => {
        for (const res of await thrice(query, { p: parkCode }, authorization.RECRUITER)) {
          expect(res.errors).toEqual([
            expect.objectContaining({
              message: `Your role does not allow Tenancy (at ${at})`,
              extensions: expect.objectContaining({ code: 'FORBIDDEN', denied: 'Tenancy', at }),
            }),
          ]);
          expect(JSON.stringify(res.data ?? null)).not.toContain(enterpriseName);
        }
        for (const res of await thrice(query, { p: parkCode }, authorization.LEASING)) {
          expect(res.errors).toBeUndefined();
          expect(JSON.stringify(res.data)).toContain(query === ENTERPRISE_UNITS ? 'H-001' : enterpriseName);
        }
      },
    );

    it('refuses units → tenancies, which the list reads ahead in its own statement, before the list runs', async () => {
      // With tenancies selected, units(…) reads them in the page's SQL (look-ahead, issue 8): the guard checks the
      // whole selection before the root field runs, so the read-ahead rows never reach a RECRUITER.
      const LOOK_AHEAD = `query($p: String!) { units(filter: { parkCode: $p }) { edges { node { code tenancies { stage } } } } }`;
      for (const res of await thrice(LOOK_AHEAD, { p: parkCode }, authorization.RECRUITER)) {
        expect(res.errors).toEqual([
          expect.objectContaining({
            message: 'Your role does not allow Tenancy (at units.edges.node.tenancies)',
            extensions: expect.objectContaining({ code: 'FORBIDDEN', denied: 'Tenancy' }),
          }),
        ]);
        expect(JSON.stringify(res.data ?? null)).not.toContain('H-001');
      }
      for (const res of await thrice(LOOK_AHEAD, { p: parkCode }, authorization.LEASING)) {
        const data = dataOf(
          res as GqlResponse<{
            units: { edges: { node: { code: string; tenancies: { stage: string }[] } }[] };
          }>,
        );
        expect(data.units.edges.map((e) => [e.node.code, e.node.tenancies.length])).toEqual([
          ['H-001', 1],
          ['H-002', 0],
        ]);
      }
    });

    it('lets a RECRUITER look a unit up by park and code, but not its holders', async () => {
      const LOOKUP = `query($p: String!) { unit(parkCode: $p, code: "H-001") { code zone { code } park { code } } }`;
      const res = await t.gql<{ unit: { code: string; zone: { code: string }; park: { code: string } } }>(
        LOOKUP,
        { p: parkCode },
        { authorization: authorization.RECRUITER },
      );
      expect(dataOf(res).unit).toEqual({
        code: 'H-001',
        zone: { code: 'holders-zone' },
        park: { code: parkCode },
      });
      const HOLDERS = `query($p: String!) { unit(parkCode: $p, code: "H-001") { code tenancies { stage } } }`;
      for (const answer of await thrice(HOLDERS, { p: parkCode }, authorization.RECRUITER)) {
        expect(answer.errors).toEqual([
          expect.objectContaining({
            message: 'Your role does not allow Tenancy (at unit.tenancies)',
            extensions: expect.objectContaining({ code: 'FORBIDDEN', denied: 'Tenancy' }),
          }),
        ]);
        expect(JSON.stringify(answer.data ?? null)).not.toContain('H-001');
      }
    });

    it('lets a RECRUITER read the same units, zones and enterprises without their holders', async () => {
      const res = await t.gql<{
        park: { zones: { units: { edges: { node: { code: string; status: string } }[] } }[] };
        enterprises: { edges: { node: { name: string } }[] };
        parkOverview: { totalUnits: number };
      }>(
        `query($p: String!) {
          park(code: $p) { zones { units { edges { node { code status } } } } }
          enterprises(filter: { parkCode: $p }) { edges { node { name } } }
          parkOverview(parkCode: $p, asOf: "2024-06-01") { totalUnits }
        }`,
        { p: parkCode },
        { authorization: authorization.RECRUITER },
      );
      const data = dataOf(res);
      expect(data.park.zones[0]!.units.edges.map((e) => e.node.code)).toEqual(['H-001', 'H-002']);
      expect(data.enterprises.edges.map((e) => e.node.name)).toEqual([enterpriseName]);
      expect(data.parkOverview.totalUnits).toBe(2);
    });

    it('decides @include/@skip with the variables of each request, on first and compiled executions', async () => {
      for (const res of await thrice(CONDITIONAL, { p: parkCode, holders: false }, authorization.RECRUITER))
        expect(dataOf(res as GqlResponse<{ units: { edges: unknown[] } }>).units.edges).toHaveLength(2);
      for (const res of await thrice(CONDITIONAL, { p: parkCode, holders: true }, authorization.RECRUITER))
        expect(codesOf(res)).toEqual(['FORBIDDEN']);
    });

    it('refuses only the root field that reaches a refused type: the others of the request answer', async () => {
      // tenancy(id) is nullable: a refused non-null root field would null the whole answer, as GraphQL says.
      const res = await t.gql<{ parks: { code: string }[]; tenancy: unknown }>(
        'query($id: ID!) { parks { code } tenancy(id: $id) { id } }',
        { id: madeUpId('Tenancy') },
        { authorization: authorization.RECRUITER },
      );
      expect(res.data?.parks.map((p) => p.code)).toContain(parkCode);
      expect(res.data?.tenancy).toBeNull();
      expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['tenancy'], 'FORBIDDEN']]);
    });
  });

  describe('refused mutations change nothing', () => {
    interface Fixture {
      parkCode: string;
      zoneCode: string;
      zoneId: string;
      unitId: string;
      enterpriseId: string;
      toAdvance: string;
      toCorrect: string;
      toEnd: string;
      userId: string;
      keyId: string;
      /** Machines of the enterprise: unplaced, placed (to move), placed (to remove). */
      toInstall: { id: string; serialNumber: string };
      toMove: string;
      toRemove: string;
      institutionId: string;
      agreementId: string;
      toTerminate: string;
      obligationId: string;
      eventId: string;
      toUpdateLead: string;
      toAdvanceLead: string;
      toConvert: string;
      cohortId: string;
      cohortToMove: string;
      toMoveTrainee: string;
      toErase: string;
      carver: string;
      contestId: string;
      /** A tenancy with no contract yet, a signed contract (amended, paid, terminated last) and a policy. */
      uncontracted: string;
      contractId: string;
      policyId: string;
    }
    type Request = { query: string; variables: Record<string, unknown> };
    let fx: Fixture;

    const versionOf = async (table: string, id: string): Promise<number> => {
      const [row] = await t.sql<{ version: number }[]>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
      return row!.version;
    };

    /** A program, two cohorts (one to enrol into, one to move), people to move, erase and certify, a contest. */
    const matrixTalent = async (parkCode: string) => {
      const gql = async <T>(query: string, input: Record<string, unknown>) =>
        dataOf(await t.gql<T>(query, { input }));
      await gql('mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }', {
        parkCode,
        code: 'matrix-program',
        name: '矩阵专业',
      });
      const cohort = (code: string) =>
        gql<{ createCohort: { id: string } }>(
          'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
          {
            parkCode,
            programCode: 'matrix-program',
            code,
            name: code,
            intakeOn: '2023-09-01',
            plannedSize: 10,
          },
        ).then((r) => r.createCohort.id);
      const cohortId = await cohort('matrix-cohort');
      const cohortToMove = await cohort('matrix-cohort-to-move');
      const [toMoveTrainee, toErase, carver] = await enrol(t, cohortId, [
        person('矩阵甲'),
        person('矩阵乙'),
        person('矩阵丙'),
      ]);
      await enrol(t, cohortToMove, [person('矩阵丁')]);
      const contest = await gql<{ createContest: { id: string } }>(
        'mutation($input: CreateContestInput!) { createContest(input: $input) { id } }',
        {
          parkCode,
          name: '矩阵预设竞赛',
          level: 'NATIONAL',
          round: '西部赛区',
          host: '园区',
          startsOn: '2024-01-01',
          endsOn: '2024-01-02',
        },
      );
      return {
        cohortId,
        cohortToMove,
        toMoveTrainee: toMoveTrainee!,
        toErase: toErase!,
        carver: carver!,
        contestId: contest.createContest.id,
      };
    };

    /** Arguments that succeed for an allowed caller (checked at the end), so a refusal is what stops them. */
    const VALID: Record<string, () => Promise<Request>> = {
      addObligation: async () => ({
        query: 'mutation($input: AddObligationInput!) { addObligation(input: $input) { id } }',
        variables: {
          input: { agreementId: fx.agreementId, description: '新增义务', metric: 'EVENTS_HELD', target: 3 },
        },
      }),
      advanceLead: async () => ({
        query: 'mutation($input: AdvanceLeadInput!) { advanceLead(input: $input) { id } }',
        variables: {
          input: {
            id: fx.toAdvanceLead,
            version: await versionOf('lead', fx.toAdvanceLead),
            stage: 'CONTACTED',
            effectiveOn: '2023-04-01',
          },
        },
      }),
      convertLead: async () => ({
        query: 'mutation($input: ConvertLeadInput!) { convertLead(input: $input) { lead { id } } }',
        variables: {
          input: {
            id: fx.toConvert,
            version: await versionOf('lead', fx.toConvert),
            enterpriseId: fx.enterpriseId,
            unitCodes: ['M-007'],
            startsOn: '2024-02-01',
          },
        },
      }),
      createAgreement: async () => ({
        query: 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            title: '矩阵新协议',
            kind: 'STRATEGIC_COOPERATION',
            startsOn: '2024-03-01',
            institutionIds: [fx.institutionId],
          },
        },
      }),
      createProgram: async () => ({
        query: 'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        variables: { input: { parkCode: fx.parkCode, code: 'matrix-new-program', name: '矩阵新专业' } },
      }),
      createCohort: async () => ({
        query: 'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            programCode: 'matrix-program',
            code: 'matrix-new-cohort',
            name: '矩阵新班',
            intakeOn: '2024-09-01',
            plannedSize: 5,
            institutionIds: [fx.institutionId],
          },
        },
      }),
      createLead: async () => ({
        query: 'mutation($input: CreateLeadInput!) { createLead(input: $input) { id } }',
        variables: {
          input: { parkCode: fx.parkCode, name: '矩阵新线索', industry: 'SCULPTURE', eventIds: [fx.eventId] },
        },
      }),
      createRecruitmentEvent: async () => ({
        query:
          'mutation($input: CreateRecruitmentEventInput!) { createRecruitmentEvent(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            kind: 'FORUM',
            title: '矩阵座谈会',
            heldOn: '2024-01-05',
            attendance: 30,
          },
        },
      }),
      recordObligationProgress: async () => ({
        query:
          'mutation($input: RecordObligationProgressInput!) { recordObligationProgress(input: $input) { id } }',
        variables: {
          input: {
            id: fx.obligationId,
            version: await versionOf('obligation', fx.obligationId),
            progress: 4,
          },
        },
      }),
      terminateAgreement: async () => ({
        query: 'mutation($input: TerminateAgreementInput!) { terminateAgreement(input: $input) { id } }',
        variables: {
          input: {
            id: fx.toTerminate,
            version: await versionOf('agreement', fx.toTerminate),
            on: '2024-06-01',
            reason: '合作方退出',
          },
        },
      }),
      updateAgreement: async () => ({
        query: 'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }',
        variables: {
          input: {
            id: fx.agreementId,
            version: await versionOf('agreement', fx.agreementId),
            endsOn: '2026-12-31',
          },
        },
      }),
      updateLead: async () => ({
        query: 'mutation($input: UpdateLeadInput!) { updateLead(input: $input) { id } }',
        variables: {
          input: {
            id: fx.toUpdateLead,
            version: await versionOf('lead', fx.toUpdateLead),
            nextFollowUpOn: '2024-03-01',
          },
        },
      }),
      createTrainee: async () => ({
        query: 'mutation($input: CreateTraineeInput!) { createTrainee(input: $input) { id } }',
        variables: {
          input: { parkCode: fx.parkCode, name: '矩阵学员', idNumber: nextIdNumber(), homeRegion: 'ANYUE' },
        },
      }),
      enrolTrainees: async () => ({
        query: 'mutation($input: EnrolTraineesInput!) { enrolTrainees(input: $input) { enrolled } }',
        variables: {
          input: { cohortId: fx.cohortId, enrolledOn: '2024-09-01', trainees: [person('矩阵入学')] },
        },
      }),
      moveTrainee: async () => ({
        query: 'mutation($input: MoveTraineeInput!) { moveTrainee(input: $input) { id } }',
        variables: { input: { traineeId: fx.toMoveTrainee, status: 'IN_TRAINING', on: '2024-02-01' } },
      }),
      moveCohort: async () => ({
        query: 'mutation($input: MoveCohortInput!) { moveCohort(input: $input) { moved } }',
        variables: { input: { cohortId: fx.cohortToMove, status: 'IN_TRAINING', on: '2024-02-01' } },
      }),
      eraseTrainee: async () => ({
        query: 'mutation($id: ID!) { eraseTrainee(id: $id) { id } }',
        variables: { id: fx.toErase },
      }),
      recordCertification: async () => ({
        query: 'mutation($input: RecordCertificationInput!) { recordCertification(input: $input) { id } }',
        variables: {
          input: {
            traineeId: fx.carver,
            occupation: '工艺品雕刻工',
            level: 'LEVEL_4',
            certificateNumber: 'MATRIX-0001',
            issuer: '矩阵鉴定中心',
            issuedOn: '2024-01-10',
          },
        },
      }),
      createContest: async () => ({
        query: 'mutation($input: CreateContestInput!) { createContest(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            name: '矩阵竞赛',
            level: 'REGIONAL',
            round: '初赛',
            host: '矩阵园区',
            startsOn: '2024-05-01',
            endsOn: '2024-05-02',
          },
        },
      }),
      recordContestEntries: async () => ({
        query: 'mutation($input: RecordContestEntriesInput!) { recordContestEntries(input: $input) { id } }',
        variables: {
          input: { contestId: fx.contestId, entries: [{ traineeId: fx.carver, rank: 1, recommended: true }] },
        },
      }),
      createTalentTarget: async () => ({
        query: 'mutation($input: CreateTalentTargetInput!) { createTalentTarget(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            name: '矩阵目标',
            metric: 'TRAINEES_ENROLLED',
            value: 10,
            startsOn: '2024-01-01',
            dueOn: '2025-01-01',
          },
        },
      }),
      advanceTenancyStage: async () => ({
        query: 'mutation($input: AdvanceTenancyStageInput!) { advanceTenancyStage(input: $input) { id } }',
        variables: { input: { tenancyId: fx.toAdvance, stage: 'FITTING_OUT', effectiveOn: '2024-02-01' } },
      }),
      changeMyPassword: async () => ({
        query:
          'mutation($c: String!, $n: String!) { changeMyPassword(currentPassword: $c, newPassword: $n) { id } }',
        variables: { c: TEST_PASSWORD, n: 'a-brand-new-password-1' },
      }),
      correctTenancyStage: async () => ({
        query: 'mutation($input: CorrectTenancyStageInput!) { correctTenancyStage(input: $input) { id } }',
        variables: {
          input: { tenancyId: fx.toCorrect, stage: 'RESERVED', effectiveOn: '2024-01-02', reason: 'typo' },
        },
      }),
      createApiKey: async () => ({
        query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
        variables: { input: { name: 'matrix-new-key' } },
      }),
      createEnterprise: async () => ({
        query: 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            name: '矩阵新企业',
            creditCode: nextCreditCode(),
            industry: 'STONE_CARVING',
            originProvince: 'CHONGQING',
            leading: false,
          },
        },
      }),
      createInstitution: async () => ({
        query: 'mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            name: '矩阵新院校',
            kind: 'VOCATIONAL_COLLEGE',
            contacts: [{ name: '联系人', phone: '13800001111' }],
          },
        },
      }),
      createPark: async () => ({
        query: 'mutation($input: CreateParkInput!) { createPark(input: $input) { id } }',
        variables: { input: { code: 'matrix-new-park', name: '矩阵新园区' } },
      }),
      createUnits: async () => ({
        query: 'mutation($input: CreateUnitsInput!) { createUnits(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            zoneCode: fx.zoneCode,
            units: [{ code: 'M-NEW', floorArea: 20, kind: 'BAY', leasable: true }],
          },
        },
      }),
      createUser: async () => ({
        query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        variables: {
          input: {
            username: 'matrix-new-user',
            displayName: 'New',
            password: 'a-long-password-1',
            roles: ['LEASING'],
            allParks: true,
          },
        },
      }),
      createZone: async () => ({
        query: 'mutation($input: CreateZoneInput!) { createZone(input: $input) { id } }',
        variables: {
          input: { parkCode: fx.parkCode, code: 'matrix-new-zone', name: '新分区', kind: 'MARKET' },
        },
      }),
      disableUser: async () => ({
        query: 'mutation($id: ID!) { disableUser(id: $id) { id } }',
        variables: { id: fx.userId },
      }),
      enableUser: async () => ({
        query: 'mutation($id: ID!) { enableUser(id: $id) { id } }',
        variables: { id: fx.userId },
      }),
      endTenancy: async () => ({
        query: 'mutation($input: EndTenancyInput!) { endTenancy(input: $input) { id } }',
        variables: { input: { tenancyId: fx.toEnd, endsOn: '2024-06-01', reason: 'moved out' } },
      }),
      leaseUnits: async () => ({
        query: 'mutation($input: LeaseUnitsInput!) { leaseUnits(input: $input) { id } }',
        variables: {
          input: {
            enterpriseId: fx.enterpriseId,
            parkCode: fx.parkCode,
            unitCodes: ['M-004'],
            startsOn: '2024-03-01',
            stage: 'RESERVED',
          },
        },
      }),
      revokeApiKey: async () => ({
        query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
        variables: { id: fx.keyId },
      }),
      setUserPassword: async () => ({
        query: 'mutation($id: ID!, $p: String!) { setUserPassword(id: $id, password: $p) { id } }',
        variables: { id: fx.userId, p: 'another-password-789' },
      }),
      updateEnterprise: async () => ({
        query: 'mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }',
        variables: {
          input: {
            id: fx.enterpriseId,
            version: await versionOf('enterprise', fx.enterpriseId),
            name: '改名企业',
          },
        },
      }),
      updateInstitution: async () => ({
        query: 'mutation($input: UpdateInstitutionInput!) { updateInstitution(input: $input) { id } }',
        variables: {
          input: {
            id: fx.institutionId,
            version: await versionOf('institution', fx.institutionId),
            region: '重庆市大足区',
          },
        },
      }),
      updateUnit: async () => ({
        query: 'mutation($input: UpdateUnitInput!) { updateUnit(input: $input) { id } }',
        variables: { input: { id: fx.unitId, version: await versionOf('unit', fx.unitId), floorArea: 77 } },
      }),
      updateUser: async () => ({
        query: 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
        variables: {
          input: { id: fx.userId, version: await versionOf('app_user', fx.userId), displayName: 'Renamed' },
        },
      }),
      importSpreadsheet: async () => {
        const upload = await t.app.inject({
          method: 'POST',
          url: '/import/uploads',
          headers: { 'content-type': 'text/csv', authorization: t.adminAuthorization },
          payload: `zoneCode,code,kind,floorArea\n${fx.zoneCode},MATRIX-IMPORT,BAY,50\n`,
        });
        return {
          query: 'mutation($input: ImportSpreadsheetInput!) { importSpreadsheet(input: $input) { written } }',
          variables: {
            input: {
              entity: 'units',
              parkCode: fx.parkCode,
              uploadId: upload.json<{ uploadId: string }>().uploadId,
              dryRun: true,
            },
          },
        };
      },
      publishFigure: async () => ({
        query: 'mutation($input: PublishFigureInput!) { publishFigure(input: $input) { id } }',
        variables: {
          input: {
            measure: 'OCCUPANCY_RATE',
            scope: { parkCode: fx.parkCode },
            asOf: '2024-06-30',
            label: 'matrix',
          },
        },
      }),
      registerMachine: async () => ({
        query: 'mutation($input: RegisterMachineInput!) { registerMachine(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            ownerEnterpriseId: fx.enterpriseId,
            serialNumber: 'MATRIX-NEW-1',
            type: 'CNC_ROUTER',
            manufacturer: '矩阵数控',
            model: 'M-1',
          },
        },
      }),
      installMachine: async () => ({
        query: 'mutation($input: InstallMachineInput!) { installMachine(input: $input) { id } }',
        variables: { input: { machineId: fx.toInstall.id, unitCode: 'M-001', on: '2024-02-01' } },
      }),
      moveMachine: async () => ({
        query: 'mutation($input: MoveMachineInput!) { moveMachine(input: $input) { id } }',
        variables: { input: { machineId: fx.toMove, unitCode: 'M-002', on: '2024-02-01' } },
      }),
      removeMachine: async () => ({
        query: 'mutation($input: RemoveMachineInput!) { removeMachine(input: $input) { id } }',
        variables: { input: { machineId: fx.toRemove, on: '2024-02-01', reason: 'sold' } },
      }),
      recordMachineEvents: async () => ({
        query:
          'mutation($events: [MachineEventInput!]!) { recordMachineEvents(events: $events) { accepted } }',
        variables: {
          events: [
            { serialNumber: fx.toInstall.serialNumber, at: '2024-03-01T08:00:00+08:00', status: 'RUNNING' },
          ],
        },
      }),
      createMaintenancePlan: async () => ({
        query:
          'mutation($input: CreateMaintenancePlanInput!) { createMaintenancePlan(input: $input) { id } }',
        variables: {
          input: { machineId: fx.toInstall.id, task: 'lubrication', everyDays: 30, startsOn: '2024-02-01' },
        },
      }),
      recordMaintenance: async () => ({
        query: 'mutation($input: RecordMaintenanceInput!) { recordMaintenance(input: $input) { id } }',
        variables: {
          input: {
            machineId: fx.toInstall.id,
            performedOn: '2024-02-10',
            workDone: 'lubrication',
            performedBy: '维修站',
          },
        },
      }),
      createIncentivePolicy: async () => ({
        query:
          'mutation($input: CreateIncentivePolicyInput!) { createIncentivePolicy(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            name: 'matrix policy',
            kind: 'DISCOUNT',
            discountPercent: '10',
            months: 6,
          },
        },
      }),
      createContract: async () => ({
        query: 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }',
        variables: {
          input: {
            parkCode: fx.parkCode,
            number: 'MATRIX-NEW',
            enterpriseId: fx.enterpriseId,
            tenancyIds: [fx.uncontracted],
            startsOn: '2024-01-01',
            endsOn: '2025-01-01',
            rentBasis: 'PER_SQUARE_METRE',
            rate: '20.00',
            paymentCycle: 'MONTHLY',
          },
        },
      }),
      amendContract: async () => ({
        query: 'mutation($input: AmendContractInput!) { amendContract(input: $input) { id } }',
        variables: {
          input: {
            contractId: fx.contractId,
            version: await versionOf('contract', fx.contractId),
            effectiveFrom: '2024-06-01',
            recordedOn: '2024-05-01',
            rate: '22.00',
            note: 'matrix amendment',
          },
        },
      }),
      applyIncentive: async () => ({
        query: 'mutation($input: ApplyIncentiveInput!) { applyIncentive(input: $input) { id } }',
        variables: { input: { contractId: fx.contractId, policyId: fx.policyId, recordedOn: '2024-05-01' } },
      }),
      recordPayment: async () => ({
        query: 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
        variables: {
          input: {
            contractId: fx.contractId,
            amount: '500',
            receivedOn: '2024-02-01',
            method: 'BANK_TRANSFER',
          },
        },
      }),
      recordDepositEvent: async () => ({
        query: 'mutation($input: RecordDepositEventInput!) { recordDepositEvent(input: $input) { id } }',
        variables: {
          input: { contractId: fx.contractId, kind: 'RECEIVED', amount: '1000', occurredOn: '2024-01-02' },
        },
      }),
      terminateContract: async () => ({
        query: 'mutation($input: TerminateContractInput!) { terminateContract(input: $input) { id } }',
        variables: {
          input: { contractId: fx.contractId, on: '2025-01-01', reason: 'matrix', recordedOn: '2024-12-01' },
        },
      }),
      updateZone: async () => ({
        query: 'mutation($input: UpdateZoneInput!) { updateZone(input: $input) { id } }',
        variables: {
          input: { id: fx.zoneId, version: await versionOf('zone', fx.zoneId), name: '改名分区' },
        },
      }),
    };

    beforeAll(async () => {
      const f = factories(t);
      const park = await f.park('matrix-park');
      const zone = await f.zone(park.code, 'matrix-zone');
      const units = await f.units(park.code, zone.code, [
        { code: 'M-001' },
        { code: 'M-002' },
        { code: 'M-003' },
        { code: 'M-004' },
        { code: 'M-005' },
        { code: 'M-006' },
      ]);
      const enterprise = await f.enterprise({ parkCode: park.code });
      const [toAdvance, toCorrect, toEnd] = await f.lease({
        enterpriseId: enterprise.id,
        parkCode: park.code,
        unitCodes: ['M-001', 'M-002', 'M-003'],
        startsOn: '2024-01-01',
      });
      const user = await createUserWithToken(t.app, t.dataSource, {
        roles: [Role.LEASING],
        username: 'matrix-target',
      });
      const key = await createApiKey(t, 'matrix revocable key');
      const mf = machineFactories(t);
      const toInstall = await mf.register(park.code, enterprise.id);
      const toMove = await mf.register(park.code, enterprise.id);
      const toRemove = await mf.register(park.code, enterprise.id);
      await mf.install(toMove.id, 'M-001', '2024-01-10');
      await mf.install(toRemove.id, 'M-001', '2024-01-10');
      const institution = dataOf(
        await t.gql<{ createInstitution: { id: string } }>(
          'mutation($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
          { input: { parkCode: park.code, name: '矩阵院校', kind: 'UNIVERSITY' } },
        ),
      ).createInstitution;
      const pf = partnerFactories(t);
      await f.units(park.code, zone.code, [{ code: 'M-007' }]);
      const agreement = await pf.agreement({
        parkCode: park.code,
        signedOn: '2024-01-01',
        startsOn: '2024-01-01',
        institutionIds: [institution.id],
        obligations: [{ description: '人工进度', target: 10 }],
      });
      const toTerminate = await pf.agreement({
        parkCode: park.code,
        signedOn: '2024-01-01',
        startsOn: '2024-01-01',
        enterpriseIds: [enterprise.id],
      });
      const event = await pf.event(park.code);
      const toUpdateLead = await pf.lead(park.code, { name: '矩阵线索一' });
      const toAdvanceLead = await pf.lead(park.code, { name: '矩阵线索二' });
      const toConvert = await pf.signedLead(park.code, { name: '矩阵线索三' });
      const talent = await matrixTalent(park.code);
      const [uncontracted, contracted] = await f.lease({
        enterpriseId: enterprise.id,
        parkCode: park.code,
        unitCodes: ['M-005', 'M-006'],
        startsOn: '2024-01-01',
      });
      const cf = contractFactories(t);
      const contract = await cf.create({
        parkCode: park.code,
        enterpriseId: enterprise.id,
        tenancyIds: [contracted!.id],
        startsOn: '2024-01-01',
        endsOn: '2026-01-01',
        rate: '20.00',
      });
      const policy = await cf.policy(park.code, {
        name: 'matrix fixture policy',
        kind: 'EXTRA_RENT_FREE',
        months: 1,
      });
      fx = {
        ...talent,
        parkCode: park.code,
        zoneCode: zone.code,
        zoneId: zone.id,
        unitId: units[0]!.id,
        enterpriseId: enterprise.id,
        toAdvance: toAdvance!.id,
        toCorrect: toCorrect!.id,
        toEnd: toEnd!.id,
        userId: user.id,
        keyId: key.id,
        toInstall,
        toMove: toMove.id,
        toRemove: toRemove.id,
        institutionId: institution.id,
        agreementId: agreement.id,
        toTerminate: toTerminate.id,
        obligationId: agreement.obligations[0]!.id,
        eventId: event.id,
        toUpdateLead: toUpdateLead.id,
        toAdvanceLead: toAdvanceLead.id,
        toConvert: toConvert.id,
        uncontracted: uncontracted!.id,
        contractId: contract.id,
        policyId: policy.id,
      };
    });

    it('has valid arguments for every mutation but the public login', () => {
      const mutations = [...operations.values()]
        .filter((op) => op.kind === 'mutation' && RULES[op.key] !== 'PUBLIC')
        .map((op) => op.name)
        .sort();
      expect(Object.keys(VALID).sort()).toEqual(mutations);
    });

    it('refuses every caller the rule leaves out with valid arguments, and leaves every table as it was', async () => {
      const countsBefore = await tableCounts(t);
      const before = await fingerprints(t);
      const refused: string[] = [];
      for (const [name, request] of Object.entries(VALID)) {
        const rule = RULES[`Mutation.${name}`]!;
        for (const caller of CALLERS) {
          const expected = expectedOutcome(rule, caller);
          if (expected === 'ALLOWED') continue;
          const { query, variables } = await request();
          const res = await t.gql(query, variables, { authorization: authorization[caller] });
          const actual = outcomeOf(res);
          refused.push(
            `${name} as ${caller}: ${actual}${actual === expected ? '' : `, expected ${expected}`}`,
          );
        }
      }
      // 19 mutations, each refused to anonymous callers and to at least one other kind of caller.
      expect(refused.length).toBeGreaterThanOrEqual(38);
      expect(refused.filter((line) => line.includes('expected'))).toEqual([]);
      expect(await tableCounts(t)).toEqual(countsBefore);
      expect(await fingerprints(t)).toEqual(before);
    });

    it('lets an allowed caller make the same requests: the refusals were what stopped them', async () => {
      const before = await fingerprints(t);
      const passwordChanger = await createUserWithToken(t.app, t.dataSource, {
        roles: [Role.LEASING],
        username: 'matrix-password-changer',
      });
      const failures: string[] = [];
      for (const [name, request] of Object.entries(VALID)) {
        const { query, variables } = await request();
        const as = name === 'changeMyPassword' ? passwordChanger.authorization : t.adminAuthorization;
        const res = await t.gql(query, variables, { authorization: as });
        if (res.errors) failures.push(`${name}: ${JSON.stringify(res.errors)}`);
      }
      const after = await fingerprints(t);
      // Every written table but the link and history tables that the valid requests need not touch.
      const unchanged = WRITTEN_TABLES.filter(
        (table) =>
          !['tenancy_stage_event', 'app_user_park', 'api_key_park'].includes(table) &&
          after[table] === before[table],
      );
      expect({ failures, unchanged }).toEqual({ failures: [], unchanged: [] });
    });
  });
});
