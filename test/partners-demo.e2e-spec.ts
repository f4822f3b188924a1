import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { dataOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const OVERVIEW = `query ($asOf: Date) {
  parkOverview(parkCode: "dazu-carving-park", asOf: $asOf) {
    partners { institutionsByKind { kind count } agreementsByKind { kind count active } industryEducationPartners }
    recruitment { eventsByKind { kind count } leadsByStage { stage count } }
  }
}`;

interface Overview {
  parkOverview: {
    partners: {
      institutionsByKind: { kind: string; count: number }[];
      agreementsByKind: { kind: string; count: number; active: number }[];
      industryEducationPartners: number;
    };
    recruitment: {
      eventsByKind: { kind: string; count: number }[];
      leadsByStage: { stage: string; count: number }[];
    };
  };
}

const countOf = <K extends string>(rows: ({ count: number } & Record<K, string>)[], key: K, value: string) =>
  rows.find((r) => r[key] === value)?.count ?? 0;

describe('demo partners and recruitment (article rows 4, 5, 6, 10, 11, 15)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const overview = async (asOf: string) => dataOf(await t.gql<Overview>(OVERVIEW, { asOf })).parkOverview;

  it('gives 14 industry–education partners, 16 market visits and 8 forums on 2024-02-01, and the gathering', async () => {
    const o = await overview('2024-02-01');
    expect(o.partners.industryEducationPartners).toBe(14);
    expect(countOf(o.recruitment.eventsByKind, 'kind', 'MARKET_VISIT')).toBe(16);
    expect(countOf(o.recruitment.eventsByKind, 'kind', 'FORUM')).toBe(8);
    expect(countOf(o.recruitment.eventsByKind, 'kind', 'GATHERING')).toBe(1);
    const ie = o.partners.agreementsByKind.find((a) => a.kind === 'INDUSTRY_EDUCATION_BASE');
    expect(ie).toEqual({ kind: 'INDUSTRY_EDUCATION_BASE', count: 14, active: 14 });
    expect(o.partners.agreementsByKind.map((a) => a.kind)).toEqual(
      expect.arrayContaining(['CO_BUILT_COLLEGE', 'PARK_CO_CONSTRUCTION', 'TEACHING_TRAINING_BASE']),
    );
    expect(o.partners.institutionsByKind.reduce((n, k) => n + k.count, 0)).toBe(19);
    expect(countOf(o.recruitment.leadsByStage, 'stage', 'CONVERTED')).toBeGreaterThan(20);
  });

  it("counts the co-built college's promised students from the talent pipeline (TRAINEES_ENROLLED)", async () => {
    const query = `query ($asOf: Date) {
      agreements(first: 5, filter: { parkCode: "dazu-carving-park", kind: CO_BUILT_COLLEGE }, asOf: $asOf) {
        edges { node { title obligations { description metric target progress overdue } } }
      }
    }`;
    type Page = {
      agreements: {
        edges: {
          node: {
            obligations: {
              description: string;
              metric: string;
              target: number;
              progress: number;
              overdue: boolean;
            }[];
          };
        }[];
      };
    };
    const obligationsOn = async (asOf: string) =>
      dataOf(await t.gql<Page>(query, { asOf })).agreements.edges.flatMap((e) => e.node.obligations);
    // The demo cohort of the college's two institutions enrolled on 2023-09-01: 156 people.
    const feb = await obligationsOn('2024-02-01');
    expect(feb.map((o) => [o.metric, o.target, o.progress, o.overdue])).toEqual([
      ['TRAINEES_ENROLLED', 156, 156, false],
      ['TRAINEES_ENROLLED', 3000, 156, false],
    ]);
    // Before the intake nobody had been delivered yet.
    expect((await obligationsOn('2023-08-31')).map((o) => o.progress)).toEqual([0, 0]);
  });

  it('honours asOf: fewer events and partners earlier in 2023, two base agreements expired after March 2024', async () => {
    const june = await overview('2023-06-30');
    expect(countOf(june.recruitment.eventsByKind, 'kind', 'MARKET_VISIT')).toBe(9);
    expect(june.partners.industryEducationPartners).toBeLessThan(14);
    expect((await overview('2024-04-01')).partners.industryEducationPartners).toBe(12);
  });

  it('has the 2024-01-18 gathering with 200+ attendance', async () => {
    const res = await t.gql<{
      recruitmentEvents: { edges: { node: { title: string; attendance: number } }[] };
    }>(
      `{ recruitmentEvents(filter: { parkCode: "dazu-carving-park", kind: GATHERING }) {
           edges { node { title heldOn attendance } } } }`,
    );
    const [gathering] = dataOf(res).recruitmentEvents.edges;
    expect(gathering!.node.attendance).toBeGreaterThanOrEqual(200);
  });

  it('converts leads into demo enterprises whose bays are open: the funnel runs from event to open bay', async () => {
    const res = await t.gql<{
      recruitmentFunnel: { total: { leads: number; signed: number; fittingOut: number; operating: number } };
    }>(
      `{ recruitmentFunnel(parkCode: "dazu-carving-park", from: "2023-01-01", to: "2024-02-01", groupBy: EVENT_KIND) {
           total { leads signed fittingOut operating } groups { key leads } } }`,
    );
    const { total } = dataOf(res).recruitmentFunnel;
    expect(total.fittingOut).toBeGreaterThan(20);
    expect(total.operating).toBeGreaterThan(5);
    expect(total.operating).toBeLessThan(total.fittingOut);
    const [check] = await t.sql<{ unlinked: number; leads: number; links: number }[]>(
      `SELECT (SELECT count(*)::int FROM lead l WHERE l.stage = 'CONVERTED'
                 AND NOT EXISTS (SELECT 1 FROM tenancy x WHERE x.enterprise_id = l.enterprise_id AND x.starts_on = l.converted_on)) AS unlinked,
              (SELECT count(*)::int FROM lead) AS leads, (SELECT count(*)::int FROM lead_event) AS links`,
    );
    expect(check).toEqual({ unlinked: 0, leads: check!.links, links: check!.leads });
  });
});
