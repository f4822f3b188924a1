import { Industry, OriginRegion, Province, SICHUAN_CHONGQING } from './enterprise.enums';
import { Enterprise } from './enterprise.model';

export interface EnterpriseRow {
  id: string;
  park_id: string;
  name: string;
  name_en: string | null;
  credit_code: string;
  industry: Industry;
  origin_province: Province;
  origin_city: string | null;
  leading: boolean;
  contact_name: string | null;
  contact_phone: string | null;
  registered_on: string | null;
  version: number;
}

export const toEnterprise = (r: EnterpriseRow, asOf?: string): Enterprise => ({
  id: r.id,
  parkId: r.park_id,
  name: r.name,
  nameEn: r.name_en,
  creditCode: r.credit_code,
  industry: r.industry,
  originProvince: r.origin_province,
  originCity: r.origin_city,
  originRegion: SICHUAN_CHONGQING.includes(r.origin_province)
    ? OriginRegion.SICHUAN_CHONGQING
    : OriginRegion.ELSEWHERE,
  leading: r.leading,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  registeredOn: r.registered_on,
  version: r.version,
  asOf,
});
