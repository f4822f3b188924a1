import { registerEnumType } from '@nestjs/graphql';

export enum Industry {
  STONE_MATERIAL = 'STONE_MATERIAL',
  SCULPTURE = 'SCULPTURE',
  STONE_CARVING = 'STONE_CARVING',
  DIGITAL_CREATIVE = 'DIGITAL_CREATIVE',
  JEWELLERY_JADE = 'JEWELLERY_JADE',
  LOGISTICS = 'LOGISTICS',
  OTHER = 'OTHER',
}

/** Provincial-level divisions of China (GB/T 2260), for an enterprise's origin. */
export enum Province {
  BEIJING = 'BEIJING',
  TIANJIN = 'TIANJIN',
  HEBEI = 'HEBEI',
  SHANXI = 'SHANXI',
  INNER_MONGOLIA = 'INNER_MONGOLIA',
  LIAONING = 'LIAONING',
  JILIN = 'JILIN',
  HEILONGJIANG = 'HEILONGJIANG',
  SHANGHAI = 'SHANGHAI',
  JIANGSU = 'JIANGSU',
  ZHEJIANG = 'ZHEJIANG',
  ANHUI = 'ANHUI',
  FUJIAN = 'FUJIAN',
  JIANGXI = 'JIANGXI',
  SHANDONG = 'SHANDONG',
  HENAN = 'HENAN',
  HUBEI = 'HUBEI',
  HUNAN = 'HUNAN',
  GUANGDONG = 'GUANGDONG',
  GUANGXI = 'GUANGXI',
  HAINAN = 'HAINAN',
  CHONGQING = 'CHONGQING',
  SICHUAN = 'SICHUAN',
  GUIZHOU = 'GUIZHOU',
  YUNNAN = 'YUNNAN',
  TIBET = 'TIBET',
  SHAANXI = 'SHAANXI',
  GANSU = 'GANSU',
  QINGHAI = 'QINGHAI',
  NINGXIA = 'NINGXIA',
  XINJIANG = 'XINJIANG',
  HONG_KONG = 'HONG_KONG',
  MACAO = 'MACAO',
  TAIWAN = 'TAIWAN',
}

/** Regions clients group by. SICHUAN_CHONGQING (川渝) is the Chengdu–Chongqing twin-city circle's two provinces. */
export enum OriginRegion {
  SICHUAN_CHONGQING = 'SICHUAN_CHONGQING',
  ELSEWHERE = 'ELSEWHERE',
}

export const SICHUAN_CHONGQING: readonly Province[] = [Province.SICHUAN, Province.CHONGQING];

registerEnumType(Industry, {
  name: 'Industry',
  description: "An enterprise's main industry.",
  valuesMap: {
    STONE_MATERIAL: { description: 'Stone material trade and processing (石材).' },
    SCULPTURE: { description: 'Sculpture (雕塑).' },
    STONE_CARVING: { description: 'Stone carving craft (石雕).' },
    DIGITAL_CREATIVE: { description: 'Digital creative industry (数字文创).' },
    JEWELLERY_JADE: { description: 'Jewellery and jade (珠宝玉石).' },
    LOGISTICS: { description: 'Logistics.' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(Province, {
  name: 'Province',
  description:
    'A provincial-level division of China (province, municipality, autonomous region or SAR), GB/T 2260.',
  valuesMap: Object.fromEntries(
    Object.values(Province).map((p) => [p, { description: p.replace(/_/g, ' ').toLowerCase() }]),
  ),
});

registerEnumType(OriginRegion, {
  name: 'OriginRegion',
  description: 'A grouping of origin provinces.',
  valuesMap: {
    SICHUAN_CHONGQING: {
      description: 'Sichuan or Chongqing (川渝), the Chengdu–Chongqing twin-city circle.',
    },
    ELSEWHERE: { description: 'Any other province.' },
  },
});
