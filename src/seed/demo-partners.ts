/**
 * Demo partner institutions. The four industry–education base colleges, 荷马教育 and 重庆健康职业学院, the two
 * jewellery partners and Anyue County are named in the article (shared/domain/PARK.md rows 6, 10, 11, 15); the ten
 * other base colleges are ILLUSTRATIVE (the article gives only their number, 14) and say so in their names, as do
 * all contacts.
 */
import { InstitutionKind } from '../modules/partners/partner.enums';

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
