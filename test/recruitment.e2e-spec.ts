import { Role } from '../src/modules/access/access.enums';
import { createUserWithToken } from './support/auth';
import { dataOf, errorOf, factories, fieldsOf, nextCreditCode } from './support/factories';
import { LEAD_FIELDS, LeadData, partnerFactories } from './support/partners';
import { startTestApp, TestApp } from './support/test-app';

const ADVANCE = `mutation($input: AdvanceLeadInput!) { advanceLead(input: $input) { ${LEAD_FIELDS} } }`;
const CONVERT = `mutation($input: ConvertLeadInput!) {
  convertLead(input: $input) { lead { id stage convertedOn enterprise { name creditCode } } tenancies { unit { code } } } }`;

interface FunnelGroupData {
  key: string | null;
  leads: number;
  contacted: number;
  negotiating: number;
  signed: number;
  fittingOut: number;
  operating: number;
  lost: number;
  signedRate: number;
  openRate: number;
  medianDays: { toContacted: number | null; toNegotiating: number | null; toSigned: number | null };
}

describe('recruitment: leads, conversion, funnel, follow-ups', () => {
  let t: TestApp;
  let parkCode: string;
  let pf: ReturnType<typeof partnerFactories>;
  let f: ReturnType<typeof factories>;

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    parkCode = (await f.park('recruit-park')).code;
    await f.zone(parkCode, 'recruit-zone');
    await f.units(parkCode, 'recruit-zone', [{ code: 'R-001' }, { code: 'R-002' }, { code: 'R-003' }]);
    pf = partnerFactories(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const advance = (lead: LeadData, stage: string, effectiveOn: string, note?: string) =>
    t.gql<{ advanceLead: LeadData }>(ADVANCE, {
      input: { id: lead.id, version: lead.version, stage, effectiveOn, note },
    });

  it('moves a lead forward only (skipping allowed), LOST from any open stage with a reason, with dated history', async () => {
    let lead = await pf.lead(parkCode, { name: '前进线索' });
    lead = dataOf(await advance(lead, 'NEGOTIATING', '2023-03-10')).advanceLead;
    const back = errorOf(await advance(lead, 'CONTACTED', '2023-03-11'), 'BAD_USER_INPUT');
    expect(fieldsOf(back)[0]!.message).toContain('from NEGOTIATING it can go to SIGNED, LOST');
    errorOf(await advance(lead, 'SIGNED', '2023-03-01'), 'BAD_USER_INPUT'); // before the current stage's date
    errorOf(await advance(lead, 'CONVERTED', '2023-03-11'), 'BAD_USER_INPUT'); // convertLead does that
    errorOf(await advance(lead, 'LOST', '2023-03-11'), 'BAD_USER_INPUT'); // no reason
    lead = dataOf(await advance(lead, 'LOST', '2023-03-20', '选择了其他园区')).advanceLead;
    expect(lead.stage).toBe('LOST');
    errorOf(await advance(lead, 'SIGNED', '2023-04-01'), 'CONFLICT');
    const stale = errorOf(
      await advance({ ...lead, version: lead.version - 1 }, 'LOST', '2023-04-01', '再试'),
      'CONFLICT',
    );
    expect(stale).toBeDefined();
    const history = dataOf(
      await t.gql<{ lead: { lostReason: string; stageHistory: { stage: string; effectiveOn: string }[] } }>(
        'query($id: ID!) { lead(id: $id) { lostReason stageHistory { stage effectiveOn } } }',
        { id: lead.id },
      ),
    ).lead;
    expect(history.lostReason).toBe('选择了其他园区');
    expect(history.stageHistory).toEqual([
      { stage: 'NEW', effectiveOn: '2023-03-01' },
      { stage: 'NEGOTIATING', effectiveOn: '2023-03-10' },
      { stage: 'LOST', effectiveOn: '2023-03-20' },
    ]);
  });

  it('converts all or nothing: a taken unit leaves no enterprise, no tenancy and the lead unchanged', async () => {
    const creditCode = nextCreditCode();
    const lead = await pf.signedLead(parkCode, {
      name: '转化石雕公司',
      creditCode,
      originProvince: 'SICHUAN',
    });
    const holder = await f.enterprise({ parkCode });
    await f.lease({ enterpriseId: holder.id, parkCode, unitCodes: ['R-002'], startsOn: '2023-01-01' });
    const snapshot = async () =>
      (
        await t.sql<{ leads: string; enterprises: number; tenancies: number }[]>(
          `SELECT (SELECT row_to_json(l)::text FROM lead l WHERE id = $1) AS leads,
                  (SELECT count(*)::int FROM enterprise WHERE credit_code = $2) AS enterprises,
                  (SELECT count(*)::int FROM tenancy) AS tenancies`,
          [lead.id, creditCode],
        )
      )[0];
    const before = await snapshot();
    const taken = await t.gql(CONVERT, {
      input: { id: lead.id, version: lead.version, unitCodes: ['R-001', 'R-002'], startsOn: '2024-02-01' },
    });
    expect(errorOf(taken, 'CONFLICT').message).toContain('R-002');
    expect(await snapshot()).toEqual(before);

    const done = dataOf(
      await t.gql<{
        convertLead: {
          lead: { stage: string; convertedOn: string; enterprise: { name: string; creditCode: string } };
          tenancies: { unit: { code: string } }[];
        };
      }>(CONVERT, {
        input: { id: lead.id, version: lead.version, unitCodes: ['R-001'], startsOn: '2024-02-01' },
      }),
    ).convertLead;
    expect(done.lead).toMatchObject({ stage: 'CONVERTED', convertedOn: '2024-02-01' });
    expect(done.lead.enterprise).toEqual({ name: '转化石雕公司', creditCode });
    expect(done.tenancies.map((x) => x.unit.code)).toEqual(['R-001']);
    const again = await t.gql(CONVERT, {
      input: { id: lead.id, version: lead.version + 1, unitCodes: ['R-003'], startsOn: '2024-03-01' },
    });
    errorOf(again, 'CONFLICT');
  });

  it('refuses to convert a lead that is not SIGNED, or one with nothing to register it by', async () => {
    const early = await pf.lead(parkCode, { name: '未签约线索' });
    const res = await t.gql(CONVERT, {
      input: { id: early.id, version: early.version, unitCodes: ['R-003'], startsOn: '2024-02-01' },
    });
    expect(fieldsOf(errorOf(res, 'BAD_USER_INPUT'))[0]!.message).toContain('only a SIGNED lead');
    const bare = await pf.signedLead(parkCode, { name: '无信用代码线索' });
    const none = await t.gql(CONVERT, {
      input: { id: bare.id, version: bare.version, unitCodes: ['R-003'], startsOn: '2024-02-01' },
    });
    expect(fieldsOf(errorOf(none, 'BAD_USER_INPUT'))[0]!.field).toBe('input.enterpriseId');
  });

  it('counts the funnel of a hand-built case: per event kind, rates and medians, as of the period end', async () => {
    const p = (await f.park('funnel-park')).code;
    await f.zone(p, 'funnel-zone');
    await f.units(p, 'funnel-zone', [{ code: 'F-001' }]);
    const visit = await pf.event(p, { kind: 'MARKET_VISIT', heldOn: '2023-12-20' });
    const forum = await pf.event(p, { kind: 'FORUM', heldOn: '2023-12-22' });
    const base = { createdOn: '2024-01-01' };
    // A: visit → contacted +4, negotiating +14, signed +31, converted 02-10 fitting out, operating 03-01.
    const a = await pf.signedLead(p, { ...base, name: '甲公司', eventIds: [visit.id] }, [
      '2024-01-05',
      '2024-01-15',
      '2024-02-01',
    ]);
    const enterprise = await f.enterprise({ parkCode: p });
    const converted = dataOf(
      await t.gql<{ convertLead: { tenancies: { id: string }[] } }>(
        'mutation($input: ConvertLeadInput!) { convertLead(input: $input) { tenancies { id } } }',
        {
          input: {
            id: a.id,
            version: a.version,
            enterpriseId: enterprise.id,
            unitCodes: ['F-001'],
            startsOn: '2024-02-10',
            stage: 'FITTING_OUT',
          },
        },
      ),
    ).convertLead;
    dataOf(
      await t.gql(
        'mutation($input: AdvanceTenancyStageInput!) { advanceTenancyStage(input: $input) { id } }',
        {
          input: { tenancyId: converted.tenancies[0]!.id, stage: 'OPERATING', effectiveOn: '2024-03-01' },
        },
      ),
    );
    // B: visit → contacted +2, lost.
    let b = await pf.lead(p, { ...base, name: '乙公司', eventIds: [visit.id] });
    b = dataOf(await advance(b, 'CONTACTED', '2024-01-03')).advanceLead;
    dataOf(await advance(b, 'LOST', '2024-01-20', '资金未落实'));
    // C: forum, new. D: forum → contacted +10, negotiating +20.
    await pf.lead(p, { ...base, name: '丙公司', eventIds: [forum.id] });
    let d = await pf.lead(p, { ...base, name: '丁公司', eventIds: [forum.id] });
    d = dataOf(await advance(d, 'CONTACTED', '2024-01-11')).advanceLead;
    dataOf(await advance(d, 'NEGOTIATING', '2024-01-21'));

    const funnel = async (to: string, groupBy = 'EVENT_KIND') =>
      dataOf(
        await t.gql<{ recruitmentFunnel: { total: FunnelGroupData; groups: FunnelGroupData[] } }>(
          `query($p: String!, $to: Date!, $g: FunnelGroupBy) {
             recruitmentFunnel(parkCode: $p, from: "2024-01-01", to: $to, groupBy: $g) {
               total { key leads contacted negotiating signed fittingOut operating lost signedRate openRate
                       medianDays { toContacted toNegotiating toSigned } }
               groups { key leads contacted negotiating signed fittingOut operating lost signedRate openRate
                        medianDays { toContacted toNegotiating toSigned } } } }`,
          { p, to, g: groupBy },
        ),
      ).recruitmentFunnel;
    const march = await funnel('2024-03-31');
    expect(march.total).toMatchObject({
      leads: 4,
      contacted: 3,
      negotiating: 2,
      signed: 1,
      fittingOut: 1,
      operating: 1,
      lost: 1,
    });
    const visits = march.groups.find((g) => g.key === 'MARKET_VISIT')!;
    expect(visits).toMatchObject({
      leads: 2,
      contacted: 2,
      negotiating: 1,
      signed: 1,
      fittingOut: 1,
      operating: 1,
      lost: 1,
      signedRate: 0.5,
      openRate: 0.5,
      medianDays: { toContacted: 3, toNegotiating: 10, toSigned: 17 },
    });
    expect(march.groups.find((g) => g.key === 'FORUM')).toMatchObject({
      leads: 2,
      contacted: 1,
      negotiating: 1,
      signed: 0,
      signedRate: 0,
      medianDays: { toContacted: 10, toNegotiating: 10, toSigned: null },
    });
    // As of 5 February A has signed but no bay is fitting out yet; B was not lost before 20 January.
    const early = await funnel('2024-02-05');
    expect(early.total).toMatchObject({ signed: 1, fittingOut: 0, operating: 0, lost: 1 });
    expect((await funnel('2024-01-10')).total).toMatchObject({ contacted: 2, negotiating: 0, lost: 0 });
    const byEvent = await funnel('2024-03-31', 'EVENT');
    expect(byEvent.groups.map((g) => `${g.key}:${g.leads}`).sort()).toEqual(
      // Keys that name an object are its global id, as its own `id` answers it.
      [`${forum.id}:2`, `${visit.id}:2`].sort(),
    );
  });

  it('lists the follow-ups due of an owner, open leads only, oldest first', async () => {
    const owner = await createUserWithToken(t.app, t.dataSource, { roles: [Role.LEASING] });
    const other = await createUserWithToken(t.app, t.dataSource, { roles: [Role.LEASING] });
    await pf.lead(parkCode, { name: '跟进一', ownerId: owner.id, nextFollowUpOn: '2024-01-10' });
    await pf.lead(parkCode, { name: '跟进二', ownerId: owner.id, nextFollowUpOn: '2024-01-05' });
    await pf.lead(parkCode, { name: '跟进三', ownerId: owner.id, nextFollowUpOn: '2024-01-20' });
    await pf.lead(parkCode, { name: '别人的', ownerId: other.id, nextFollowUpOn: '2024-01-01' });
    const lost = await pf.lead(parkCode, { name: '已流失', ownerId: owner.id, nextFollowUpOn: '2024-01-01' });
    dataOf(await advance(lost, 'LOST', '2024-01-02', '不来了'));
    const due = async (authorization: string, ownerId?: string) =>
      dataOf(
        await t.gql<{ followUpsDue: { name: string }[] }>(
          'query($o: ID) { followUpsDue(ownerId: $o, asOf: "2024-01-15") { name } }',
          { o: ownerId },
          { authorization },
        ),
      ).followUpsDue.map((l) => l.name);
    expect(await due(owner.authorization)).toEqual(['跟进二', '跟进一']);
    expect(await due(t.adminAuthorization, owner.id)).toEqual(['跟进二', '跟进一']);
  });

  it('masks lead contact phones for analysts and API keys, not for the recruiting roles', async () => {
    const lead = await pf.lead(parkCode, { name: '电话线索', contactPhone: '13912345678' });
    const phone = async (roles: Role[]) => {
      const user = await createUserWithToken(t.app, t.dataSource, { roles });
      return dataOf(
        await t.gql<{ lead: { contactPhone: string } }>(
          'query($id: ID!) { lead(id: $id) { contactPhone } }',
          { id: lead.id },
          { authorization: user.authorization },
        ),
      ).lead.contactPhone;
    };
    expect(await phone([Role.ANALYST])).toBe('139****5678');
    expect(await phone([Role.RECRUITER])).toBe('13912345678');
    expect(await phone([Role.LEASING])).toBe('13912345678');
  });

  it('lists leads as JSON built by PostgreSQL: one statement, the answers of the resolvers, phones masked', async () => {
    const p = (await f.park('json-leads-park')).code;
    const visit = await pf.event(p, { kind: 'MARKET_VISIT', heldOn: '2023-12-20' });
    const forum = await pf.event(p, { kind: 'FORUM', heldOn: '2023-12-22' });
    const a = await pf.lead(p, {
      name: '甲 json',
      contactPhone: '13912345678',
      eventIds: [forum.id, visit.id],
    });
    dataOf(await advance(a, 'CONTACTED', '2024-01-05', '电话'));
    await pf.lead(p, { name: '乙 json' });
    type Page = { leads: { edges: { node: Record<string, unknown> }[] } };
    const list = (
      extra = '',
    ) => `query($p: String!) { leads(filter: { parkCode: $p }, first: 10, asOf: "2024-03-01") {
      edges { node { id name creditCode industry originProvince originCity contactName contactPhone ownerName stage
        stageOn createdOn lostReason nextFollowUpOn convertedOn version events { id kind title heldOn place organiser
        attendance version } stageHistory { id stage effectiveOn note } enterprise { id name } ${extra} } } } }`;
    for (const roles of [[Role.RECRUITER], [Role.ANALYST]]) {
      const { authorization } = await createUserWithToken(t.app, t.dataSource, { roles });
      const fast = await t.queries.measure(() => t.gql<Page>(list(), { p }, { authorization }));
      // A field without an SQL form (opening) sends the whole selection the usual way: resolvers and loaders.
      const usual = await t.gql<Page>(list('opening { stage }'), { p }, { authorization });
      const nodes = dataOf(fast.result).leads.edges.map((e) => e.node);
      const usualNodes = dataOf(usual).leads.edges.map(({ node: { opening, ...rest } }) => {
        expect(opening).toBeNull();
        return rest;
      });
      expect(nodes).toHaveLength(2);
      expect(nodes).toEqual(usualNodes);
      expect(nodes[0]).toMatchObject({
        stage: 'CONTACTED',
        events: [{ kind: 'MARKET_VISIT' }, { kind: 'FORUM' }],
      });
      expect(fast.statements.filter((q) => q.includes("'__sql', true"))).toHaveLength(1);
      expect(nodes[0]!.contactPhone).toBe(roles[0] === Role.ANALYST ? '139****5678' : '13912345678');
    }
  });

  it('reads a page of leads with events, history, enterprise and opening in a fixed number of statements', async () => {
    const LEADS = `query($p: String!, $n: Int) { leads(filter: { parkCode: $p }, first: $n, asOf: "2024-03-01") {
      edges { node { name ownerName events { title } stageHistory { stage } enterprise { name } opening { stage } } } } }`;
    const count = async (n: number) => {
      const { result, count } = await t.queries.measure(() =>
        t.gql<{ leads: { edges: unknown[] } }>(LEADS, { p: parkCode, n }),
      );
      expect(dataOf(result).leads.edges).toHaveLength(n);
      return count;
    };
    expect(await count(2)).toBe(await count(9));
  });
});
