import { dataOf, errorOf, factories, fieldsOf } from './support/factories';
import { partnerFactories } from './support/partners';
import { enrol, MOVE, person, talentPark } from './support/talent';
import { startTestApp, TestApp } from './support/test-app';

interface AgreementNode {
  id: string;
  title: string;
  status: string;
  renews: { id: string; status: string } | null;
  renewedBy: { id: string } | null;
  parties: { institution: { name: string } | null; enterprise: { name: string } | null }[];
  obligations: {
    description: string;
    progress: number | null;
    progressRate: number | null;
    overdue: boolean;
  }[];
}

const LIST = `query($p: String!, $asOf: Date, $first: Int) {
  agreements(filter: { parkCode: $p }, asOf: $asOf, first: $first) { edges { node {
    id title status renews { id status } renewedBy { id }
    parties { institution { name } enterprise { name } }
    obligations { description progress progressRate overdue } } } } }`;

describe('agreements: status from dates, renewals, obligations', () => {
  let t: TestApp;
  let parkCode: string;
  let collegeId: string;
  let pf: ReturnType<typeof partnerFactories>;

  beforeAll(async () => {
    t = await startTestApp();
    parkCode = (await factories(t).park('agreements-park')).code;
    pf = partnerFactories(t);
    collegeId = (await pf.institution(parkCode, '长江师范学院', 'UNIVERSITY')).id;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const statusOn = async (id: string, asOf: string, app = t) => {
    const res = await app.gql<{ agreements: { edges: { node: AgreementNode }[] } }>(LIST, {
      p: parkCode,
      asOf,
    });
    return dataOf(res).agreements.edges.find((e) => e.node.id === id)!.node;
  };

  it('derives DRAFT, ACTIVE, EXPIRING (notice period) and EXPIRED from the dates on asOf', async () => {
    const a = await pf.agreement({
      parkCode,
      title: '一年期协议',
      signedOn: '2024-01-01',
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      institutionIds: [collegeId],
    });
    expect((await statusOn(a.id, '2023-12-15')).status).toBe('DRAFT');
    expect((await statusOn(a.id, '2024-06-01')).status).toBe('ACTIVE');
    expect((await statusOn(a.id, '2024-11-01')).status).toBe('EXPIRING');
    expect((await statusOn(a.id, '2024-12-31')).status).toBe('EXPIRING');
    expect((await statusOn(a.id, '2025-01-01')).status).toBe('EXPIRED');
    const draft = await pf.agreement({
      parkCode,
      title: '草稿协议',
      startsOn: '2024-01-01',
      institutionIds: [collegeId],
    });
    expect((await statusOn(draft.id, '2024-06-01')).status).toBe('DRAFT');

    const expiring = async (asOf: string, withinDays?: number) =>
      dataOf(
        await t.gql<{ agreementsExpiring: { id: string; status: string }[] }>(
          'query($p: String!, $asOf: Date, $d: Int) { agreementsExpiring(parkCode: $p, asOf: $asOf, withinDays: $d) { id status } }',
          { p: parkCode, asOf, d: withinDays },
        ),
      ).agreementsExpiring.map((x) => x.id);
    expect(await expiring('2024-11-01')).toContain(a.id);
    expect(await expiring('2024-06-01')).not.toContain(a.id);
    expect(await expiring('2024-06-01', 250)).toContain(a.id);
  });

  it('takes the notice period from AGREEMENT_NOTICE_DAYS', async () => {
    const a = await pf.agreement({
      parkCode,
      title: '通知期协议',
      signedOn: '2024-01-01',
      startsOn: '2024-01-01',
      endsOn: '2024-12-31',
      institutionIds: [collegeId],
    });
    const short = await startTestApp({ AGREEMENT_NOTICE_DAYS: '30' });
    try {
      // Each test app has its own database: make the same agreement there.
      const p = (await factories(short).park(parkCode)).code;
      const c = await partnerFactories(short).institution(p, '长江师范学院');
      const b = await partnerFactories(short).agreement({
        parkCode: p,
        signedOn: '2024-01-01',
        startsOn: '2024-01-01',
        endsOn: '2024-12-31',
        institutionIds: [c.id],
      });
      expect((await statusOn(b.id, '2024-11-01', short)).status).toBe('ACTIVE');
      expect((await statusOn(b.id, '2024-12-15', short)).status).toBe('EXPIRING');
    } finally {
      await short.close();
    }
    expect((await statusOn(a.id, '2024-11-01')).status).toBe('EXPIRING');
  }, 60_000);

  it('terminates a signed agreement with a reason, from that date on; a draft cannot be terminated', async () => {
    const a = await pf.agreement({
      parkCode,
      title: '提前终止协议',
      signedOn: '2024-01-01',
      startsOn: '2024-01-01',
      institutionIds: [collegeId],
    });
    const TERMINATE = `mutation($input: TerminateAgreementInput!) {
      terminateAgreement(input: $input) { terminatedOn terminationReason version } }`;
    const done = dataOf(
      await t.gql<{ terminateAgreement: { terminatedOn: string; terminationReason: string } }>(TERMINATE, {
        input: { id: a.id, version: a.version, on: '2024-06-30', reason: '院校撤出' },
      }),
    ).terminateAgreement;
    expect(done).toMatchObject({ terminatedOn: '2024-06-30', terminationReason: '院校撤出' });
    expect((await statusOn(a.id, '2024-06-29')).status).toBe('ACTIVE');
    expect((await statusOn(a.id, '2024-06-30')).status).toBe('TERMINATED');
    const draft = await pf.agreement({
      parkCode,
      title: '未签协议',
      startsOn: '2024-01-01',
      institutionIds: [collegeId],
    });
    const refused = errorOf(
      await t.gql(TERMINATE, {
        input: { id: draft.id, version: draft.version, on: '2024-06-30', reason: '取消' },
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldsOf(refused)[0]!.field).toBe('input.on');
  });

  it('chains renewals: a signed renewal takes the old agreement out of EXPIRING; each is renewed once', async () => {
    const old = await pf.agreement({
      parkCode,
      title: '旧协议',
      signedOn: '2022-01-01',
      startsOn: '2022-01-01',
      endsOn: '2024-12-31',
      institutionIds: [collegeId],
    });
    const renewal = await pf.agreement({
      parkCode,
      title: '续签协议',
      signedOn: '2024-10-15',
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
      institutionIds: [collegeId],
      renewsId: old.id,
    });
    expect((await statusOn(old.id, '2024-10-10')).status).toBe('EXPIRING');
    const after = await statusOn(old.id, '2024-11-01');
    expect(after.status).toBe('ACTIVE');
    expect(after.renewedBy?.id).toBe(renewal.id);
    const newer = await statusOn(renewal.id, '2024-11-01');
    expect(newer.renews).toEqual({ id: old.id, status: 'ACTIVE' });
    expect(newer.status).toBe('DRAFT');
    expect((await statusOn(renewal.id, '2025-02-01')).status).toBe('ACTIVE');
    const again = await t.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
      {
        input: {
          parkCode,
          title: '重复续签',
          kind: 'INDUSTRY_EDUCATION_BASE',
          startsOn: '2025-01-01',
          institutionIds: [collegeId],
          renewsId: old.id,
        },
      },
    );
    expect(errorOf(again, 'CONFLICT').extensions?.field).toBe('renewsId');
  });

  it('measures obligations by computed figures (events held, leads converted) and lists the overdue ones', async () => {
    const park = await factories(t).park('obligation-park');
    const inst = await pf.institution(park.code, '安岳县人民政府', 'GOVERNMENT');
    const a = await pf.agreement({
      parkCode: park.code,
      kind: 'PARK_CO_CONSTRUCTION',
      title: '共建园区协议',
      signedOn: '2024-01-01',
      startsOn: '2024-01-01',
      institutionIds: [inst.id],
      obligations: [
        { description: '联合招商活动', metric: 'EVENTS_HELD', target: 2, dueOn: '2024-06-30' },
        { description: '签约入驻企业', metric: 'LEADS_CONVERTED', target: 1, dueOn: '2024-12-31' },
      ],
    });
    await pf.event(park.code, { heldOn: '2023-12-01' }); // before the agreement: not counted
    await pf.event(park.code, { heldOn: '2024-02-01' });
    const obligations = async (asOf: string) => {
      const res = await t.gql<{ agreements: { edges: { node: AgreementNode }[] } }>(LIST, {
        p: park.code,
        asOf,
      });
      return dataOf(res).agreements.edges[0]!.node.obligations;
    };
    expect((await obligations('2024-07-01')).map((o) => [o.description, o.progress, o.overdue])).toEqual([
      ['联合招商活动', 1, true],
      ['签约入驻企业', 0, false],
    ]);
    const overdue = async (asOf: string) =>
      dataOf(
        await t.gql<{ obligationsOverdue: { description: string }[] }>(
          'query($asOf: Date) { obligationsOverdue(asOf: $asOf) { description } }',
          { asOf },
        ),
      ).obligationsOverdue.map((o) => o.description);
    expect(await overdue('2024-07-01')).toContain('联合招商活动');
    await pf.event(park.code, { heldOn: '2024-03-01' });
    expect((await obligations('2024-07-01'))[0]).toMatchObject({
      progress: 2,
      progressRate: 1,
      overdue: false,
    });
    expect(await overdue('2024-07-01')).not.toContain('联合招商活动');
    // Events after the due date do not count towards it.
    expect((await obligations('2024-04-01'))[0]!.progress).toBe(2);

    await factories(t).zone(park.code, 'ob-zone');
    await factories(t).units(park.code, 'ob-zone', [{ code: 'OB-001' }]);
    const enterprise = await factories(t).enterprise({ parkCode: park.code });
    const lead = await pf.signedLead(park.code, {}, ['2024-01-05', '2024-01-10', '2024-01-20']);
    dataOf(
      await t.gql('mutation($input: ConvertLeadInput!) { convertLead(input: $input) { lead { id } } }', {
        input: {
          id: lead.id,
          version: lead.version,
          enterpriseId: enterprise.id,
          unitCodes: ['OB-001'],
          startsOn: '2024-02-01',
        },
      }),
    );
    expect((await obligations('2024-03-01'))[1]).toMatchObject({ progress: 1, progressRate: 1 });
    expect((await obligations('2024-01-31'))[1]).toMatchObject({ progress: 0 });
    void a;
  });

  it("counts what the agreement's institutions deliver: trainees of their cohorts enrolled and placed", async () => {
    const { parkCode: p, cohortId: otherCohort, programCode } = await talentPark(t);
    const college = await pf.institution(p, '重庆健康职业学院', 'VOCATIONAL_COLLEGE');
    const delivered = dataOf(
      await t.gql<{ createCohort: { id: string } }>(
        'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
        {
          input: {
            parkCode: p,
            programCode,
            code: 'delivered-cohort',
            name: '合作院校班',
            intakeOn: '2024-03-01',
            plannedSize: 3,
            institutionIds: [college.id],
          },
        },
      ),
    ).createCohort.id;
    const [first] = await enrol(
      t,
      delivered,
      [person('甲 (test)'), person('乙 (test)'), person('丙 (test)')],
      '2024-03-01',
    );
    // A cohort no party delivers: its people do not count for this agreement.
    await enrol(t, otherCohort, [person('丁 (test)')], '2024-03-01');
    const employer = await factories(t).enterprise({ parkCode: p });
    dataOf(
      await t.gql(MOVE, {
        input: {
          traineeId: first,
          status: 'PLACED',
          on: '2024-09-01',
          enterpriseId: employer.id,
          position: '雕刻工',
        },
      }),
    );
    await pf.agreement({
      parkCode: p,
      kind: 'INDUSTRY_EDUCATION_BASE',
      title: '产教融合协议',
      signedOn: '2024-01-01',
      startsOn: '2024-01-01',
      institutionIds: [college.id],
      obligations: [
        { description: '输送学员', metric: 'TRAINEES_ENROLLED', target: 3, dueOn: '2024-12-31' },
        { description: '学员就业', metric: 'TRAINEES_PLACED', target: 2, dueOn: '2024-12-31' },
      ],
    });
    const progressOn = async (asOf: string) => {
      const res = await t.gql<{ agreements: { edges: { node: AgreementNode }[] } }>(LIST, { p, asOf });
      const byDescription = new Map(
        dataOf(res).agreements.edges[0]!.node.obligations.map((o) => [o.description, o.progress]),
      );
      return [byDescription.get('输送学员'), byDescription.get('学员就业')];
    };
    expect(await progressOn('2024-02-01')).toEqual([0, 0]);
    expect(await progressOn('2024-06-01')).toEqual([3, 0]);
    expect(await progressOn('2024-12-31')).toEqual([3, 1]);
  });

  it('reads a page of agreements with parties, renewals and obligations in a fixed number of statements', async () => {
    const park = await factories(t).park('n-plus-one-park');
    const inst = await pf.institution(park.code, '批量院校');
    const enterprise = await factories(t).enterprise({ parkCode: park.code });
    // A chain of ten yearly renewals, each with an institution, an enterprise and two obligations.
    let previous: string | undefined;
    for (let year = 2015; year < 2025; year++) {
      previous = (
        await pf.agreement({
          parkCode: park.code,
          title: `${year}年度协议`,
          signedOn: `${year}-01-01`,
          startsOn: `${year}-01-01`,
          endsOn: `${year}-12-31`,
          institutionIds: [inst.id],
          enterpriseIds: [enterprise.id],
          renewsId: previous,
          obligations: [
            { description: '活动', metric: 'EVENTS_HELD', target: 1, dueOn: `${year}-06-30` },
            { description: '人工', target: 5 },
          ],
        })
      ).id;
    }
    const count = async (first: number) => {
      const { result, count } = await t.queries.measure(() =>
        t.gql<{ agreements: { edges: unknown[] } }>(LIST, { p: park.code, asOf: '2024-06-01', first }),
      );
      expect(dataOf(result).agreements.edges).toHaveLength(first);
      return count;
    };
    const few = await count(2);
    expect(await count(10)).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
  });
});
