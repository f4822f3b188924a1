/**
 * The demo talent pipeline (shared/domain/PARK.md figures 6, 7, 8, 13 and 14). The institutions, programs, the
 * cohort's size and dates, the 38 certified carvers and the 27 finalists are the article's; every person is
 * ILLUSTRATIVE: names are marked "(示例)", phones are 199-0000-xxxx, and resident ID numbers are valid by checksum
 * but carry the birth dates 1900-01-01 to 1900-12-28, which no trainee has.
 */
import { completeResidentId } from '../modules/talent/pii/resident-id';
import { CertificationLevel, ContestLevel, HomeRegion, TargetMetric } from '../modules/talent/talent.enums';

export const DEMO_PROGRAMS = [
  { code: 'digital-creative', name: '数字文创产业工人', nameEn: 'Digital creative production' },
  { code: 'stone-carving', name: '石雕工艺', nameEn: 'Stone carving craft' },
  { code: 'jewellery-design', name: '珠宝设计', nameEn: 'Jewellery design' },
];

/** The art college's first cohort: 156 vocational students, autumn 2023. */
export const DEMO_COHORT = {
  code: 'art-college-2023',
  program: 'digital-creative',
  name: '艺术学院首批高职学生 (2023 秋)',
  intakeOn: '2023-09-01',
  plannedSize: 156,
  zone: 'digital-creative',
  /** Delivered by these institutions of the partner register (found by name). */
  institutions: ['荷马教育', '重庆健康职业学院'],
};

export const DEMO_COHORT_DATES = {
  enrolled: '2023-09-01',
  inTraining: '2024-02-01',
  /** The cohort moves into the digital creative park in four groups through March 2024. */
  inPark: ['2024-03-04', '2024-03-11', '2024-03-18', '2024-03-25'],
};

export const DEMO_TARGET = {
  name: '三年培育 3000 名熟练数字文创产业工人',
  metric: TargetMetric.TRAINEES_GRADUATED,
  program: 'digital-creative',
  value: 3000,
  startsOn: '2023-09-01',
  dueOn: '2026-08-31',
};

export const DEMO_CONTEST = {
  name: '全国工艺品雕刻职业技能竞赛',
  level: ContestLevel.NATIONAL,
  round: '西部赛区',
  host: '大足石刻文创园',
  startsOn: '2023-11-16',
  endsOn: '2023-11-18',
};

export const DEMO_CERTIFICATE = {
  occupation: '工艺品雕刻工',
  level: CertificationLevel.LEVEL_4,
  issuer: '重庆市职业技能鉴定中心 (示例)',
  issuedOn: '2023-12-20',
};

export interface DemoPerson {
  name: string;
  idNumber: string;
  phone: string;
  homeRegion: HomeRegion;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = [
  '子涵',
  '雨桐',
  '浩然',
  '思远',
  '欣怡',
  '俊杰',
  '梓萱',
  '宇航',
  '诗琪',
  '明轩',
  '婉清',
  '嘉豪',
  '一诺',
];
/** Region codes: Dazu District, Anyue County, Yongchuan District (Chongqing), Chengdu, Kunming. */
const REGION_CODE: Record<HomeRegion, string[]> = {
  [HomeRegion.DAZU]: ['500111'],
  [HomeRegion.ANYUE]: ['512021'],
  [HomeRegion.SICHUAN_CHONGQING_OTHER]: ['500118', '510104'],
  [HomeRegion.OTHER]: ['530102'],
};

/** The n-th demo person: a valid ID number with a 1900 birth date (never a real one), sequence 9xx. */
function person(n: number, prefix: string, homeRegion: HomeRegion): DemoPerson {
  const codes = REGION_CODE[homeRegion];
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(n / 12) % 28) + 1).padStart(2, '0');
  const sequence = String(900 + (n % 100)).padStart(3, '0');
  return {
    name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}${prefix}${String(n + 1).padStart(3, '0')} (示例)`,
    idNumber: completeResidentId(`${codes[n % codes.length]}1900${month}${day}${sequence}`),
    phone: `1990000${String(n).padStart(4, '0')}`,
    homeRegion,
  };
}

/** The 156 students: 48 from Dazu, 30 from Anyue, 66 elsewhere in Sichuan/Chongqing, 12 from elsewhere. */
export function demoStudents(): DemoPerson[] {
  const regions = [
    ...Array<HomeRegion>(48).fill(HomeRegion.DAZU),
    ...Array<HomeRegion>(30).fill(HomeRegion.ANYUE),
    ...Array<HomeRegion>(66).fill(HomeRegion.SICHUAN_CHONGQING_OTHER),
    ...Array<HomeRegion>(12).fill(HomeRegion.OTHER),
  ];
  return regions.map((r, i) => person(i, '', r));
}

/** The 38 carvers from Dazu (20) and Anyue (18) certified at intermediate level; the first 33 entered the contest. */
export function demoCarvers(): DemoPerson[] {
  return Array.from({ length: 38 }, (_, i) =>
    person(500 + i, '雕', i < 20 ? HomeRegion.DAZU : HomeRegion.ANYUE),
  );
}

/** Contest entries of the carvers: 33 entered, ranks 1–33, the first 27 recommended to the final. */
export const DEMO_ENTRANTS = 33;
export const DEMO_FINALISTS = 27;
