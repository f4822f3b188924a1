/**
 * The demo park. Names of the park, its zones and the enterprises the article names are real (see
 * shared/domain/PARK.md); everything else here is ILLUSTRATIVE: bay codes, areas, dates, the 72 unnamed market
 * enterprises, credit codes, contacts. It is generated deterministically so that, as of 2024-02-01, the stored
 * tenancies give the article's figures when the queries count them: 84 enterprises fitting out or operating 107 of
 * 140 bays of Western Shifosi, 31 of them with 44 bays operating.
 */
import { Industry, Province } from '../modules/enterprises/enterprise.enums';
import { completeCreditCode } from '../modules/enterprises/credit-code';
import { UnitKind, ZoneKind } from '../modules/space/space.enums';

export const DEMO_PARK = {
  code: 'dazu-carving-park',
  name: '大足石刻文创园',
  nameEn: 'Dazu Rock Carving Cultural & Creative Park',
};

export const DEMO_ZONES = [
  {
    code: 'shifosi-west',
    name: '西部石佛寺产业园',
    nameEn: 'Western Shifosi Industrial Park',
    kind: ZoneKind.MARKET,
  },
  {
    code: 'stone-culture',
    name: '石文化产业园',
    nameEn: 'Stone Culture Industrial Park',
    kind: ZoneKind.INDUSTRIAL,
  },
  {
    code: 'stone-art',
    name: '石材艺术产业园',
    nameEn: 'Stone Art Industrial Park',
    kind: ZoneKind.INDUSTRIAL,
  },
  {
    code: 'digital-creative',
    name: '大足石刻数字文创产业园',
    nameEn: 'Digital Creative Industrial Park',
    kind: ZoneKind.DIGITAL_CREATIVE,
  },
  {
    code: 'jewelry-jade',
    name: '珠宝玉石产业基地',
    nameEn: 'Jewellery & Jade Base',
    kind: ZoneKind.JEWELLERY,
  },
];

export interface DemoUnit {
  zone: string;
  code: string;
  kind: UnitKind;
  building: string;
  floor: number;
  floorArea: number;
  leasable: boolean;
  unleasableReason?: string;
}

export interface DemoEnterprise {
  name: string;
  nameEn?: string;
  creditCode: string;
  industry: Industry;
  originProvince: Province;
  originCity: string;
  leading: boolean;
  registeredOn: string;
}

export interface DemoTenancy {
  enterprise: number;
  unit: string;
  startsOn: string;
  fittingOutFrom?: string;
  operatingFrom?: string;
}

/** Small deterministic PRNG (mulberry32), so every demo database is identical. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const LEADING_SCULPTURE = [
  { name: '富瑞雕塑', province: Province.SICHUAN, city: '成都' },
  { name: '莲山艺术', province: Province.CHONGQING, city: '大足' },
  { name: '蜀源雕塑', province: Province.SICHUAN, city: '安岳' },
  // Illustrative: the article names three of the twelve.
  { name: '川美石艺雕塑', province: Province.CHONGQING, city: '九龙坡' },
  { name: '宝顶雕刻艺术', province: Province.CHONGQING, city: '大足' },
  { name: '安岳石刻雕塑', province: Province.SICHUAN, city: '安岳' },
  { name: '巴渝石雕', province: Province.CHONGQING, city: '渝中' },
  { name: '天府雕塑艺术', province: Province.SICHUAN, city: '成都' },
  { name: '蜀韵石艺', province: Province.SICHUAN, city: '资阳' },
  { name: '北山造像艺术', province: Province.CHONGQING, city: '大足' },
  { name: '嘉州雕塑', province: Province.SICHUAN, city: '乐山' },
  { name: '龙水湖雕塑', province: Province.CHONGQING, city: '大足' },
];

const DIGITAL = [
  '艺加文化',
  '和美数创',
  '数字石刻科技',
  '云上造像文创',
  '宝顶数字艺术',
  '石刻元宇宙',
  '渝创动漫',
  '匠心数字',
  '光影石刻',
];
const DIGITAL_EN = ['Yijia Culture', 'Hemei Digital Creative'];

const MARKET_WORDS = ['石材', '石业', '雕刻', '石艺', '石雕', '石材贸易', '石料', '石材加工'];
const PLACES = ['大足', '安岳', '荣昌', '铜梁', '潼南', '资阳', '内江', '遂宁', '成都', '永川'];

function sichuanOrChongqing(place: string): Province {
  return ['安岳', '资阳', '内江', '遂宁', '成都'].includes(place) ? Province.SICHUAN : Province.CHONGQING;
}

/** Builds the whole demo data set. */
export function buildDemoData() {
  const random = prng(20240201);
  const enterprises: DemoEnterprise[] = [];
  let serial = 0;
  const code = (province: Province) =>
    completeCreditCode(
      `91${province === Province.SICHUAN ? '512022' : '500111'}${String(++serial).padStart(8, '0')}`,
    );

  for (const e of LEADING_SCULPTURE) {
    enterprises.push({
      name: `${e.name}有限公司`,
      creditCode: code(e.province),
      industry: Industry.SCULPTURE,
      originProvince: e.province,
      originCity: e.city,
      leading: true,
      registeredOn: '2023-03-01',
    });
  }
  for (let i = 0; i < 72 + 5; i++) {
    const place = PLACES[i % PLACES.length];
    const word = MARKET_WORDS[(i * 7) % MARKET_WORDS.length];
    const province = sichuanOrChongqing(place);
    enterprises.push({
      name: `${place}${['鑫', '恒', '华', '宏', '盛', '顺', '佳', '瑞', '隆', '泰', '祥'][i % 11]}${['源', '达', '发', '通', '丰', '安', '联'][i % 7]}${word}有限公司`,
      creditCode: code(province),
      industry: i % 5 === 0 ? Industry.STONE_CARVING : Industry.STONE_MATERIAL,
      originProvince: province,
      originCity: place,
      leading: false,
      registeredOn: addDays('2023-02-01', i * 3),
    });
  }
  DIGITAL.forEach((name, i) => {
    enterprises.push({
      name: `重庆${name}有限公司`,
      nameEn: DIGITAL_EN[i],
      creditCode: code(Province.CHONGQING),
      industry: Industry.DIGITAL_CREATIVE,
      originProvince: Province.CHONGQING,
      originCity: '大足',
      leading: false,
      registeredOn: addDays('2023-10-10', i * 9),
    });
  });

  // Western Shifosi: 140 bays in five halls of 28.
  const bays: DemoUnit[] = [];
  for (let i = 0; i < 140; i++) {
    const hall = 'ABCDE'[Math.floor(i / 28)];
    bays.push({
      zone: 'shifosi-west',
      code: `W-${hall}-${String((i % 28) + 1).padStart(3, '0')}`,
      kind: UnitKind.BAY,
      building: `${hall}区市场大厅`,
      floor: 1,
      floorArea: 40 + Math.round(random() * 80) / 2,
      leasable: true,
    });
  }
  // Bays in a shuffled order: the first 107 are occupied on 2024-02-01, the next 6 reserved, the rest vacant.
  const order = bays.map((_, i) => i).sort(() => random() - 0.5);
  // 31 operating enterprises hold 44 bays (20×1, 9×2, 2×3); 53 fitting-out ones hold 63 (43×1, 10×2).
  const holdings = [
    ...Array<number>(20).fill(1),
    ...Array<number>(9).fill(2),
    ...Array<number>(2).fill(3),
    ...Array<number>(43).fill(1),
    ...Array<number>(10).fill(2),
  ] as number[];
  const tenancies: DemoTenancy[] = [];
  let next = 0;
  holdings.forEach((count, e) => {
    const operating = e < 31;
    const fitOut = addDays('2023-03-01', Math.floor(random() * 290)); // through 2023
    const start = addDays(fitOut, -7 - Math.floor(random() * 21));
    const open = operating
      ? addDays(fitOut, Math.min(60 + Math.floor(random() * 90), Math.max(1, dayDiff(fitOut, '2024-01-31'))))
      : undefined;
    // Some fit-outs open after the reference date, so later dates show more shops open.
    const laterOpen = !operating && e % 4 === 0 ? addDays('2024-02-01', 20 + e) : undefined;
    for (let k = 0; k < count; k++) {
      const unit = bays[order[next++]].code;
      tenancies.push({
        enterprise: e,
        unit,
        startsOn: start,
        fittingOutFrom: fitOut,
        operatingFrom: open ?? laterOpen,
      });
    }
  });
  for (let r = 0; r < 6; r++) {
    // Reserved on the reference date by five further market enterprises; two start fit-out in March 2024.
    tenancies.push({
      enterprise: 84 + Math.min(r, 4),
      unit: bays[order[next++]].code,
      startsOn: addDays('2024-01-05', r * 4),
      fittingOutFrom: r < 2 ? '2024-03-04' : undefined,
    });
  }
  fitAreas(bays, new Set(order.slice(0, 107).map((i) => bays[i].code)));

  // Digital creative park: 24 offices; the 9 registered enterprises take one each, moving in from March 2024.
  const offices: DemoUnit[] = Array.from({ length: 24 }, (_, i) => ({
    zone: 'digital-creative',
    code: `DC-${String(i + 1).padStart(3, '0')}`,
    kind: UnitKind.OFFICE,
    building: '数字文创大楼',
    floor: 1 + Math.floor(i / 8),
    floorArea: 80 + (i % 4) * 20,
    leasable: true,
  }));
  DIGITAL.forEach((_, i) => {
    tenancies.push({
      enterprise: 89 + i,
      unit: offices[i].code,
      startsOn: addDays('2023-12-01', i * 5),
      fittingOutFrom: addDays('2024-01-02', i * 3),
      operatingFrom: i < 5 ? addDays('2024-03-01', i * 7) : undefined,
    });
  });
  // Stone Art: an investment-attraction centre and ten workshops; Stone Culture: foundations under construction.
  const workshops: DemoUnit[] = Array.from({ length: 10 }, (_, i) => ({
    zone: 'stone-art',
    code: `SA-${String(i + 1).padStart(3, '0')}`,
    kind: UnitKind.WORKSHOP,
    building: '石材艺术厂房',
    floor: 1,
    floorArea: 600 + i * 50,
    leasable: true,
  }));
  const culture: DemoUnit[] = Array.from({ length: 6 }, (_, i) => ({
    zone: 'stone-culture',
    code: `SC-${String(i + 1).padStart(3, '0')}`,
    kind: UnitKind.WORKSHOP,
    building: '石文化产业园一期',
    floor: 1,
    floorArea: 800,
    leasable: false,
    unleasableReason: 'Under construction (foundations)',
  }));
  return { enterprises, units: [...bays, ...offices, ...workshops, ...culture], tenancies };
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/**
 * Illustrative areas: the article gives none, and its 76.3% cannot be 107 of 140 bays by count (that is 76.4%).
 * The non-occupied bays are scaled so that occupied area / leasable area is 76.30%, the by-area reading of the figure.
 */
function fitAreas(bays: DemoUnit[], occupied: Set<string>): void {
  const occupiedArea = bays.filter((b) => occupied.has(b.code)).reduce((s, b) => s + b.floorArea, 0);
  const rest = bays.filter((b) => !occupied.has(b.code));
  const target = Math.round((occupiedArea / 0.763 - occupiedArea) * 100);
  const current = rest.reduce((s, b) => s + b.floorArea, 0);
  let assigned = 0;
  rest.forEach((b, i) => {
    const cents = i === rest.length - 1 ? target - assigned : Math.round((b.floorArea / current) * target);
    assigned += cents;
    b.floorArea = cents / 100;
  });
}
