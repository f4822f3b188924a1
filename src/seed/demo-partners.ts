/**
 * Demo partner institutions. The four industry–education base colleges, 荷马教育 and 重庆健康职业学院, the two
 * jewellery partners and Anyue County are named in the article (shared/domain/PARK.md rows 6, 10, 11, 15); the ten
 * other base colleges are ILLUSTRATIVE (the article gives only their number, 14) and say so in their names, as do
 * all contacts.
 */
import { AgreementKind, InstitutionKind, ObligationMetric } from '../modules/partners/partner.enums';

export interface DemoInstitution {
  name: string;
  nameEn: string;
  kind: InstitutionKind;
  region: string;
  /** One of the 14 co-builders of the 成渝双圈艺术产业产教融合基地 (row 15). */
  industryEducationBase?: boolean;
  contacts?: { name: string; title: string; phone: string }[];
}

const NAMED_BASE_COLLEGES: DemoInstitution[] = [
  {
    name: '长江师范学院',
    nameEn: 'Yangtze Normal University',
    kind: InstitutionKind.UNIVERSITY,
    region: '重庆市涪陵区',
  },
  {
    name: '四川文化产业职业学院',
    nameEn: 'Sichuan Vocational College of Cultural Industries',
    kind: InstitutionKind.VOCATIONAL_COLLEGE,
    region: '四川省成都市',
  },
  {
    name: '四川轻化工大学',
    nameEn: 'Sichuan University of Science & Engineering',
    kind: InstitutionKind.UNIVERSITY,
    region: '四川省自贡市',
  },
  {
    name: '重庆文理学院艺术设计学院',
    nameEn: 'School of Art and Design, Chongqing University of Arts and Sciences',
    kind: InstitutionKind.UNIVERSITY,
    region: '重庆市永川区',
  },
];

/** The ten base colleges the article does not name: illustrative, and named so. */
const ILLUSTRATIVE_BASE_COLLEGES: DemoInstitution[] = Array.from({ length: 10 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return {
    name: `产教融合基地示例院校${n}（示意）`,
    nameEn: `Illustrative base college ${n} (not named in the article)`,
    kind: i % 3 === 0 ? InstitutionKind.UNIVERSITY : InstitutionKind.VOCATIONAL_COLLEGE,
    region: i % 2 === 0 ? '重庆市' : '四川省',
  };
});

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  ...[...NAMED_BASE_COLLEGES, ...ILLUSTRATIVE_BASE_COLLEGES].map((c) => ({
    ...c,
    industryEducationBase: true,
  })),
  {
    name: '荷马教育',
    nameEn: 'Homer Education',
    kind: InstitutionKind.TRAINING_PROVIDER,
    region: '重庆市',
    contacts: [{ name: '示例联系人（示意）', title: '项目经理', phone: '13800000001' }],
  },
  {
    name: '重庆健康职业学院',
    nameEn: 'Chongqing Health Vocational College',
    kind: InstitutionKind.VOCATIONAL_COLLEGE,
    region: '重庆市',
  },
  {
    name: '中国地质大学（武汉）珠宝学院',
    nameEn: 'Gemmological Institute, China University of Geosciences (Wuhan)',
    kind: InstitutionKind.UNIVERSITY,
    region: '湖北省武汉市',
  },
  {
    name: '四川美术学院设计学院',
    nameEn: 'School of Design, Sichuan Fine Arts Institute',
    kind: InstitutionKind.UNIVERSITY,
    region: '重庆市沙坪坝区',
  },
  {
    name: '安岳县人民政府',
    nameEn: "Anyue County People's Government",
    kind: InstitutionKind.GOVERNMENT,
    region: '四川省资阳市安岳县',
    contacts: [{ name: '示例联系人（示意）', title: '园区合作联络员', phone: '13800000002' }],
  },
];

export interface DemoObligation {
  description: string;
  metric: ObligationMetric;
  target: number;
  dueOn: string;
  manualProgress?: number;
}

export interface DemoAgreement {
  title: string;
  kind: AgreementKind;
  /** Institution names (DEMO_INSTITUTIONS). */
  parties: string[];
  signedOn: string;
  startsOn: string;
  endsOn: string | null;
  obligations?: DemoObligation[];
}

const BASE_COLLEGES = DEMO_INSTITUTIONS.filter((i) => i.industryEducationBase);

/**
 * The agreements of the article (rows 6, 10, 11, 15). Dates, terms and obligations are ILLUSTRATIVE. Two base
 * agreements end on 2024-03-31, so that on 2024-02-01 they are EXPIRING (still in force: 14 partners).
 */
export const DEMO_AGREEMENTS: DemoAgreement[] = [
  ...BASE_COLLEGES.map((c, i) => ({
    title: `成渝双圈艺术产业产教融合基地共建协议（${c.name}）`,
    kind: AgreementKind.INDUSTRY_EDUCATION_BASE,
    parties: [c.name],
    signedOn: `2023-${String(3 + (i % 9)).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`,
    startsOn: `2023-${String(3 + (i % 9)).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`,
    endsOn: i >= 12 ? '2024-03-31' : '2026-12-31',
  })),
  {
    title: '共建大足石刻艺术学院协议',
    kind: AgreementKind.CO_BUILT_COLLEGE,
    parties: ['荷马教育', '重庆健康职业学院'],
    signedOn: '2023-06-18',
    startsOn: '2023-09-01',
    endsOn: '2028-08-31',
    obligations: [
      {
        description: '首批高职学生入学（156名）',
        metric: ObligationMetric.TRAINEES_ENROLLED,
        target: 156,
        dueOn: '2023-10-31',
      },
      {
        description: '3年内培育熟练数字文创产业工人约3000名',
        metric: ObligationMetric.TRAINEES_ENROLLED,
        target: 3000,
        dueOn: '2026-08-31',
      },
    ],
  },
  {
    title: '珠宝专业教学实训基地合作协议',
    kind: AgreementKind.TEACHING_TRAINING_BASE,
    parties: ['中国地质大学（武汉）珠宝学院'],
    signedOn: '2023-05-20',
    startsOn: '2023-06-01',
    endsOn: '2026-05-31',
  },
  {
    title: '珠宝设计战略合作协议',
    kind: AgreementKind.STRATEGIC_COOPERATION,
    parties: ['四川美术学院设计学院'],
    signedOn: '2023-05-22',
    startsOn: '2023-06-01',
    endsOn: null,
  },
  {
    title: '共建石佛寺文创园园区合作协议',
    kind: AgreementKind.PARK_CO_CONSTRUCTION,
    parties: ['安岳县人民政府'],
    signedOn: '2023-01-10',
    startsOn: '2023-01-10',
    endsOn: '2027-12-31',
    obligations: [
      {
        description: '联合开展招商活动（走访、座谈）不少于20次',
        metric: ObligationMetric.EVENTS_HELD,
        target: 20,
        dueOn: '2023-12-31',
      },
      {
        description: '引进川渝石材企业签约入驻不少于50家',
        metric: ObligationMetric.LEADS_CONVERTED,
        target: 50,
        dueOn: '2023-12-31',
      },
      {
        description: '引进企业开门营业不少于30家',
        metric: ObligationMetric.ENTERPRISES_OPENED,
        target: 30,
        dueOn: '2024-12-31',
      },
    ],
  },
];
