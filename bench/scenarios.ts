import type { BulkKind } from './bulk';
import {
  BENCH_MACHINES_AS_OF,
  BENCH_PARK,
  BENCH_RENT_AS_OF,
  BENCH_ZONE,
  PLATFORM_PARK,
  Scale,
} from './generate';

/** Who answers: this API, the PostGraphile v4 peer, or one hand-written SQL statement behind a minimal server. */
export type Target = 'api' | 'postgraphile' | 'raw';
export const TARGETS: Target[] = ['api', 'postgraphile', 'raw'];

/** One HTTP request: always a POST of JSON to the target's single endpoint. */
export interface Body {
  path: string;
  body: string;
}

/** Values found once before the load (cursors of page 49, ids), then shared by every request. */
export type Fixtures = Record<string, string>;

export interface Scenario {
  id: string;
  title: string;
  /** The scales it runs at (S7 needs platform data). */
  scales: Scale[];
  /** The request per target; a target without one does not run the scenario. */
  requests: Partial<Record<Target, (f: Fixtures) => Body>>;
  /** Writes (S5): autocannon then cycles through a sequence of requests per connection (see writes.ts). */
  writes?: boolean;
  /** One timed bulk request per round instead of a load (S14, S15: see bulk.ts); `rps` is then rows per second. */
  bulk?: BulkKind;
}

const gql = (query: string, variables: Record<string, unknown> = {}): Body => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});
const raw = (name: string, params: unknown[]): Body => ({ path: `/${name}`, body: JSON.stringify(params) });

export const S1_API = `query S1($park: String!, $zone: String!) {
  units(first: 100, filter: { parkCode: $park, zoneCode: $zone }) {
    edges { node { code floorArea tenancies { stage startsOn enterprise { name creditCode } } } }
  }
}`;

/**
 * The PostGraphile shape closest to S1: park by code → zone by code → first 100 units by code → tenancies. The
 * relation names come from the schema's composite foreign keys (unit → zone of the same park, tenancy → unit and
 * enterprise of the same park); the stage is left to the client (dates instead).
 */
const S1_PG = `query S1($park: String!, $zone: String!) {
  parkByCode(code: $park) { zones(condition: { code: $zone }) { nodes {
    unitsByZoneIdAndParkId(first: 100, orderBy: CODE_ASC) { edges { node {
      code floorArea tenanciesByUnitIdAndParkId(orderBy: STARTS_ON_ASC) { nodes {
        startsOn fittingOutFrom operatingFrom endsOn enterprisePark { name creditCode } } } } } } } } }
}`;

export const S2_API = `query S2($park: String!, $code: String!) {
  unit(parkCode: $park, code: $code) { code floorArea zone { name } park { name } }
}`;

const S2_PG = `query S2($park: String!, $code: String!) {
  parkByCode(code: $park) { name units(condition: { code: $code }) { nodes { code floorArea zonePark { name } } } }
}`;

const S3_API = `query S3($park: String!, $zone: String!) {
  parkOverview(parkCode: $park, zoneCode: $zone, asOf: "2024-02-01") {
    totalUnits occupiedUnits occupiedEnterprises operatingUnits operatingEnterprises reservedUnits vacantUnits
    occupancy { percent } occupancyByArea { percent }
  }
}`;

export const S4_API = `query S4($park: String!, $zone: String!, $after: String) {
  units(first: 10, after: $after, filter: { parkCode: $park, zoneCode: $zone }) {
    edges { cursor node { code floorArea kind } } pageInfo { endCursor hasNextPage }
  }
}`;

export const S4_PG = `query S4($park: String!, $zone: String!, $after: Cursor) {
  parkByCode(code: $park) { zones(condition: { code: $zone }) { nodes {
    unitsByZoneIdAndParkId(first: 10, after: $after, orderBy: CODE_ASC) { edges { cursor node { code floorArea kind } }
      pageInfo { endCursor hasNextPage } } } } }
}`;

const S7_API = `query S7($park: String!) {
  parkOverview(parkCode: $park, asOf: "2024-02-01") { totalUnits occupiedUnits operatingUnits vacantUnits }
  occupancyTrend(parkCode: $park, from: "2022-03-01", to: "2024-02-29") { date occupiedUnits operatingUnits }
}`;

/** S13, a report builder's table: measures of two sources grouped by zone and month (two statements + park lookup). */
export const S13_API = `query S13($park: String!) {
  figures(parkCode: $park, from: "2023-03-01", to: "2024-02-29", groupBy: [ZONE, MONTH],
          measures: [OCCUPIED_UNITS, OCCUPANCY_RATE, OCCUPANCY_RATE_AREA, OPERATING_UNITS, ENTERPRISES, TOTAL_UNITS,
                     INSTALLED_MACHINES]) {
    date zoneCode values { measure value }
  }
}`;

/**
 * S14, a 24-month trend over month-end snapshots: measures of units, machines, trainees and rent by month. Closed
 * months are read from figure_snapshot (computed and stored by the first request, the warm-up's).
 */
export const S14_API = `query S14($park: String!) {
  figures(parkCode: $park, from: "2022-03-01", to: "2024-02-29", groupBy: [MONTH],
          measures: [OCCUPIED_UNITS, OCCUPANCY_RATE, ENTERPRISES, INSTALLED_MACHINES, TRAINEES_ENROLLED,
                     CONTRACTED_RENT, RECEIVABLES_OVERDUE]) {
    date computedAt values { measure value }
  }
}`;

/** S8, the machines dashboard of the bench zone: the first 100 machines standing in it on asOf, and its figures. */
export const S8_API = `query S8($park: String!, $zone: String!, $asOf: Date!) {
  machines(first: 100, filter: { parkCode: $park, zoneCode: $zone }, asOf: $asOf) {
    edges { node { serialNumber type status unit { code } owner { name } } }
  }
  parkOverview(parkCode: $park, zoneCode: $zone, asOf: $asOf) { installedMachines machinesByStatus { status count } }
}`;

/**
 * The PostGraphile shape closest to S8. PostGraphile only derives tables and foreign keys, so it differs:
 * - no list of machines by zone: it walks park → zone → first 100 units by code → their open placements
 *   (`untilOn: null`, not "placed on asOf") → machine → owner; the bench's serial numbers follow unit codes, so this
 *   is roughly the API's first 100 machines by serial number (99 at tiny scale, 104 at park scale, seed 1), but
 *   including machines placed after asOf;
 * - no status at an instant: it takes each machine's latest STATUS event, whatever its date (`first: 1`);
 * - no figures (no aggregates without a plugin): installedMachines and machinesByStatus are left to the client, which
 *   would need every machine of the zone; the peer does less work than the API and the raw statement here.
 */
const S8_PG = `query S8($park: String!, $zone: String!) {
  parkByCode(code: $park) { zones(condition: { code: $zone }) { nodes {
    unitsByZoneIdAndParkId(first: 100, orderBy: CODE_ASC) { nodes { code
      machinePlacementsByUnitIdAndParkId(condition: { untilOn: null }, orderBy: FROM_ON_ASC) { nodes {
        machinePark { serialNumber type ownerEnterprisePark { name }
          machineEvents(condition: { kind: STATUS }, orderBy: OCCURRED_AT_DESC, first: 1) { nodes { status } } } } } } } } } }
}`;

/**
 * S9, the recruitment desk of the demo park (issue 11): the first 100 leads by name with their source events, stage
 * history and converted enterprise, and the park's partner and recruitment figures, on asOf. Demo data only (about 90
 * leads, 25 events, 19 institutions, 18 agreements): the same at every scale.
 */
export const S9_API = `query S9($park: String!, $asOf: Date!) {
  leads(first: 100, filter: { parkCode: $park }, asOf: $asOf) {
    edges { node { name stage events { title kind } stageHistory { stage effectiveOn } enterprise { name } } }
  }
  parkOverview(parkCode: $park, asOf: $asOf) {
    partners { industryEducationPartners agreementsByKind { kind count active } }
    recruitment { eventsByKind { kind count } leadsByStage { stage count } }
  }
}`;

/** The date S10 asks about: the demo cohort has moved into the park (all 156 IN_PARK). */
export const BENCH_TALENT_AS_OF = '2024-04-01';

/**
 * S10, a recruiter's cohort page: the first 100 trainees IN_PARK on asOf (by name, pinyin order) with status, phone
 * and cohorts, and the park's talent figures. Full ID numbers are left out: each full read writes an audit entry.
 */
export const S10_API = `query S10($park: String!, $asOf: Date!) {
  trainees(first: 100, filter: { parkCode: $park, status: IN_PARK }, asOf: $asOf) {
    edges { node { name phone status cohorts { code } } }
  }
  parkOverview(parkCode: $park, asOf: $asOf) {
    talent { traineesEnrolled traineesByStatus { status count } certifiedByLevel { level count } contestFinalists }
  }
}`;

/**
 * The PostGraphile shape closest to S9: the leads of the park by name with their events (through lead_event), stage
 * history and enterprise. Not written against a running peer here (relation names follow S8's inflection), and with
 * no figures: PostGraphile derives no aggregates without a plugin, so the figures are left to the client.
 */
const S9_PG = `query S9($park: String!) {
  parkByCode(code: $park) { leads(first: 100, orderBy: NAME_ASC) { nodes { name stage
    leadEventsByLeadIdAndParkId { nodes { eventPark { title kind } } }
    leadStageEvents(orderBy: EFFECTIVE_ON_ASC) { nodes { stage effectiveOn } }
    enterprisePark { name } } } }
}`;

/**
 * The PostGraphile shape closest to S10: park → first 100 trainees by name (every trainee, not only those IN_PARK: a
 * status on a date is not a column) → their latest status event whatever its date, and their cohorts. No figures
 * (no aggregates without a plugin): the peer does less work than the API and the raw statement.
 */
const S10_PG = `query S10($park: String!) {
  parkByCode(code: $park) { trainees(first: 100, orderBy: NAME_ASC) { nodes { name phone
    traineeStatusEvents(orderBy: EFFECTIVE_ON_DESC, first: 1) { nodes { status } }
    cohortTrainees { nodes { cohort { code } } } } } }
}`;

/**
 * S11/S12, receivables aging: per enterprise, the unpaid part on asOf of every bill due by then, in four buckets of
 * days overdue, with totals. No PostGraphile shape: like S3 and S7 it is an aggregate, which PostGraphile v4 does not
 * derive without a plugin (a client would fetch every bill and every allocation of the park).
 */
export const S11_API = `query S11($park: String!, $zone: String, $asOf: Date!) {
  receivablesAging(parkCode: $park, zoneCode: $zone, asOf: $asOf) {
    totals { days0to30 days31to60 days61to90 over90 total }
    rows { enterpriseId enterpriseName buckets { days0to30 days31to60 days61to90 over90 total } }
  }
}`;

/** The unit S2 looks up: the 500th of the bench zone. */
export const S2_UNIT = 'B-1-0500';

export const SCENARIOS: Scenario[] = [
  {
    id: 'S1',
    title: 'units(first:100, park+zone) → tenancies → enterprise',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S1_API, { park: BENCH_PARK, zone: BENCH_ZONE }),
      postgraphile: () => gql(S1_PG, { park: BENCH_PARK, zone: BENCH_ZONE }),
      raw: () => raw('s1', [BENCH_PARK, BENCH_ZONE]),
    },
  },
  {
    id: 'S2',
    title: 'one unit by park and code, with zone and park names',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S2_API, { park: BENCH_PARK, code: S2_UNIT }),
      postgraphile: () => gql(S2_PG, { park: BENCH_PARK, code: S2_UNIT }),
      raw: () => raw('s2', [BENCH_PARK, S2_UNIT]),
    },
  },
  {
    id: 'S3',
    title: 'parkOverview(shifosi-west, 2024-02-01)',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S3_API, { park: BENCH_PARK, zone: 'shifosi-west' }),
      raw: () => raw('s3', [BENCH_PARK, 'shifosi-west', '2024-02-01']),
    },
  },
  {
    id: 'S4',
    title: 'units(first:10, park+zone) at page 50 by cursor',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: (f) => gql(S4_API, { park: BENCH_PARK, zone: BENCH_ZONE, after: f.apiCursor }),
      postgraphile: (f) => gql(S4_PG, { park: BENCH_PARK, zone: BENCH_ZONE, after: f.pgCursor }),
      raw: (f) => raw('s4', [BENCH_PARK, BENCH_ZONE, f.rawCursor]),
    },
  },
  {
    id: 'S5',
    title: 'writes: lease → advance → end on 5 contended units',
    scales: ['tiny', 'park', 'platform'],
    writes: true,
    requests: { api: () => gql('') },
  },
  {
    id: 'S6',
    title: 'login (scrypt password check, token issued)',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: (f) =>
        gql('mutation S6($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', {
          u: f.username,
          p: f.password,
        }),
    },
  },
  {
    id: 'S7',
    title: `parkOverview + 24-month occupancyTrend of ${PLATFORM_PARK} (2,000 units)`,
    scales: ['platform'],
    requests: {
      api: () => gql(S7_API, { park: PLATFORM_PARK }),
      raw: () => raw('s7', [PLATFORM_PARK, null, '2024-02-01', '2022-03-01', '2024-02-29']),
    },
  },
  {
    id: 'S8',
    title: 'machines(first:100, park+zone, asOf) → status, unit, owner + parkOverview machine figures',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S8_API, { park: BENCH_PARK, zone: BENCH_ZONE, asOf: BENCH_MACHINES_AS_OF }),
      postgraphile: () => gql(S8_PG, { park: BENCH_PARK, zone: BENCH_ZONE }),
      raw: () => raw('s8', [BENCH_PARK, BENCH_ZONE, BENCH_MACHINES_AS_OF]),
    },
  },
  {
    id: 'S9',
    title:
      'leads(first:100, park) → events, stage history, enterprise + parkOverview partner and recruitment figures',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S9_API, { park: BENCH_PARK, asOf: BENCH_MACHINES_AS_OF }),
      postgraphile: () => gql(S9_PG, { park: BENCH_PARK }),
      raw: () => raw('s9', [BENCH_PARK, BENCH_MACHINES_AS_OF]),
    },
  },
  {
    id: 'S10',
    title: 'trainees(first:100, IN_PARK on asOf) → status, phone, cohorts + parkOverview.talent figures',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S10_API, { park: BENCH_PARK, asOf: BENCH_TALENT_AS_OF }),
      postgraphile: () => gql(S10_PG, { park: BENCH_PARK }),
      raw: () => raw('s10', [BENCH_PARK, BENCH_TALENT_AS_OF]),
    },
  },
  {
    id: 'S11',
    title:
      'receivablesAging(park+zone, asOf) of the bench zone (one contract per let unit, monthly bills since 2021)',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S11_API, { park: BENCH_PARK, zone: BENCH_ZONE, asOf: BENCH_RENT_AS_OF }),
      raw: () => raw('s11', [BENCH_PARK, BENCH_ZONE, BENCH_RENT_AS_OF]),
    },
  },
  {
    id: 'S12',
    title: `receivablesAging of ${PLATFORM_PARK} (2,000 units, about 1,400 contracts, 50,000 bills)`,
    scales: ['platform'],
    requests: {
      api: () => gql(S11_API, { park: PLATFORM_PARK, asOf: BENCH_RENT_AS_OF }),
      raw: () => raw('s11', [PLATFORM_PARK, null, BENCH_RENT_AS_OF]),
    },
  },
  {
    id: 'S13',
    title: 'figures: 6 occupancy measures + installed machines by zone × month over 12 months (reports)',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S13_API, { park: BENCH_PARK }),
    },
  },
  {
    id: 'S14',
    title:
      'figures: a 24-month trend of 7 measures (units, machines, trainees, rent) over month-end snapshots',
    scales: ['tiny', 'park', 'platform'],
    requests: {
      api: () => gql(S14_API, { park: BENCH_PARK }),
    },
  },
  {
    id: 'S15',
    title: 'import 100,000 unit rows (CSV, 3.7 MB) into a new park: POST /import/units (rows/s; one request)',
    scales: ['tiny', 'park', 'platform'],
    bulk: 'import',
    requests: { api: () => ({ path: '/import/units', body: '' }) },
  },
  {
    id: 'S16',
    title: "export that park's 100,000 units as CSV: POST /export, paged 100 at a time (rows/s; one request)",
    scales: ['tiny', 'park', 'platform'],
    bulk: 'export',
    requests: { api: () => ({ path: '/export', body: '' }) },
  },
];
