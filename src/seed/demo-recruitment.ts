/**
 * Demo recruitment (招商). The counts are the article's (shared/domain/PARK.md rows 4 and 5): 16 market visits to
 * Chengdu and Chongqing and 8 enterprise forums during 2023, and the gathering of 200+ enterprises on 2024-01-18.
 * Everything else is ILLUSTRATIVE: dates, places, attendance, the leads and their stage dates. Leads converted into
 * the demo enterprises follow those enterprises' real demo tenancies (converted on the first tenancy's start), so
 * the funnel from event to open bay is computed from the same rows as the occupancy figures.
 */
import { Industry, Province } from '../modules/enterprises/enterprise.enums';
import { LeadStage, RecruitmentEventKind } from '../modules/recruitment/recruitment.enums';
import { DemoEnterprise, DemoTenancy } from './demo-data';

export interface DemoEvent {
  kind: RecruitmentEventKind;
  title: string;
  heldOn: string;
  place: string;
  organiser: string;
  attendance: number;
}

export interface DemoLead {
  name: string;
  creditCode: string | null;
  industry: Industry;
  originProvince: Province;
  originCity: string;
  /** Index into the events. */
  event: number;
  createdOn: string;
  /** Stages reached after NEW, with dates. */
  stages: { stage: LeadStage; on: string; note?: string }[];
  nextFollowUpOn: string | null;
  /** Index into the demo enterprises, for converted leads. */
  enterprise?: number;
  /** 0 or 1: which demo user owns it (leasing, admin). */
  owner: number;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ORGANISER = '大足石刻文创园管委会招商部';
const LOST_REASONS = ['选择了其他园区', '资金未落实', '暂缓扩张计划'];

export function buildDemoRecruitment(enterprises: DemoEnterprise[], tenancies: DemoTenancy[]) {
  const events: DemoEvent[] = [];
  for (let i = 0; i < 16; i++) {
    const city = i % 2 === 0 ? '成都' : '重庆';
    events.push({
      kind: RecruitmentEventKind.MARKET_VISIT,
      title: `赴${city}石材市场走访动员（第${i + 1}次）`,
      heldOn: addDays('2023-01-05', i * 22),
      place: city,
      organiser: ORGANISER,
      attendance: 12 + ((i * 7) % 15),
    });
  }
  for (let i = 0; i < 8; i++) {
    events.push({
      kind: RecruitmentEventKind.FORUM,
      title: `石材企业座谈会（第${i + 1}次）`,
      heldOn: addDays('2023-01-20', i * 45),
      place: '大足石刻文创园',
      organiser: ORGANISER,
      attendance: 20 + ((i * 11) % 25),
    });
  }
  events.push({
    kind: RecruitmentEventKind.GATHERING,
    title: '成渝两地石佛寺石材企业齐聚文创园',
    heldOn: '2024-01-18',
    place: '大足石刻文创园',
    organiser: ORGANISER,
    attendance: 206,
  });
  /** The latest 2023 event held on or before a date (events are sorted by date below). */
  const byDate = events
    .map((e, i) => ({ i, on: e.heldOn }))
    .filter((e) => e.on < '2024-01-01')
    .sort((a, b) => a.on.localeCompare(b.on));
  const eventBefore = (date: string) => [...byDate].reverse().find((e) => e.on <= date)?.i ?? byDate[0].i;

  const leads: DemoLead[] = [];
  // Converted: every second enterprise whose first tenancy starts from March 2023 came from a 2023 event.
  const first = new Map<number, DemoTenancy>();
  for (const t of tenancies) {
    const seen = first.get(t.enterprise);
    if (!seen || t.startsOn < seen.startsOn) first.set(t.enterprise, t);
  }
  const converted = [...first.values()]
    .filter((t) => t.startsOn >= '2023-03-01')
    .sort((a, b) => a.enterprise - b.enterprise)
    .filter((_, i) => i % 2 === 0);
  converted.forEach((t, i) => {
    const e = enterprises[t.enterprise];
    const createdOn = addDays(t.startsOn, -45);
    leads.push({
      name: e.name,
      creditCode: e.creditCode,
      industry: e.industry,
      originProvince: e.originProvince,
      originCity: e.originCity,
      event: eventBefore(createdOn),
      createdOn,
      stages: [
        { stage: LeadStage.CONTACTED, on: addDays(createdOn, 3 + (i % 5)) },
        { stage: LeadStage.NEGOTIATING, on: addDays(createdOn, 12 + (i % 7)) },
        { stage: LeadStage.SIGNED, on: addDays(createdOn, 25 + (i % 9)) },
        { stage: LeadStage.CONVERTED, on: t.startsOn },
      ],
      nextFollowUpOn: null,
      enterprise: t.enterprise,
      owner: i % 2,
    });
  });
  // Not (yet) converted: five of each kind of outcome, from the 2023 events.
  const PLACES = [
    ['成都', Province.SICHUAN],
    ['重庆', Province.CHONGQING],
    ['安岳', Province.SICHUAN],
    ['荣昌', Province.CHONGQING],
    ['内江', Province.SICHUAN],
  ] as const;
  for (let i = 0; i < 25; i++) {
    const event = byDate[(i * 3) % byDate.length];
    const createdOn = addDays(event.on, 2);
    const [city, province] = PLACES[i % PLACES.length];
    const outcome = i % 5;
    const stages: DemoLead['stages'] = [];
    if (outcome >= 1) stages.push({ stage: LeadStage.CONTACTED, on: addDays(createdOn, 6) });
    if (outcome >= 2 && outcome <= 3)
      stages.push({ stage: LeadStage.NEGOTIATING, on: addDays(createdOn, 20) });
    if (outcome === 3) stages.push({ stage: LeadStage.SIGNED, on: addDays(createdOn, 40) });
    if (outcome === 4)
      stages.push({
        stage: LeadStage.LOST,
        on: addDays(createdOn, 30),
        note: LOST_REASONS[i % LOST_REASONS.length],
      });
    leads.push({
      name: `${city}示例石材有限公司${String(i + 1).padStart(2, '0')}（示意）`,
      creditCode: null,
      industry: i % 3 === 0 ? Industry.STONE_CARVING : Industry.STONE_MATERIAL,
      originProvince: province,
      originCity: city,
      event: event.i,
      createdOn,
      stages,
      nextFollowUpOn: outcome === 4 ? null : addDays('2024-01-22', i % 14),
      owner: i % 2,
    });
  }
  // The 2024-01-18 gathering: 20 new leads to follow up.
  for (let i = 0; i < 20; i++) {
    const [city, province] = PLACES[(i + 2) % PLACES.length];
    leads.push({
      name: `${city}示例石业有限公司${String(i + 1).padStart(2, '0')}（示意）`,
      creditCode: null,
      industry: i % 4 === 0 ? Industry.SCULPTURE : Industry.STONE_MATERIAL,
      originProvince: province,
      originCity: city,
      event: events.length - 1,
      createdOn: '2024-01-19',
      stages: i % 2 === 0 ? [{ stage: LeadStage.CONTACTED, on: '2024-01-24' }] : [],
      nextFollowUpOn: addDays('2024-01-26', i % 10),
      owner: i % 2,
    });
  }
  return { events, leads };
}
