import { InstitutionContact, Institution } from './institution.model';
import { InstitutionKind } from './partner.enums';

export interface InstitutionRow {
  id: string;
  park_id: string;
  name: string;
  name_en: string | null;
  kind: InstitutionKind;
  region: string | null;
  version: number;
}

export interface InstitutionContactRow {
  institution_id: string;
  position: number;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
}

export const toInstitution = (r: InstitutionRow): Institution => ({
  id: r.id,
  parkId: r.park_id,
  name: r.name,
  nameEn: r.name_en,
  kind: r.kind,
  region: r.region,
  version: r.version,
});

export const toInstitutionContact = (r: InstitutionContactRow): InstitutionContact => ({
  name: r.name,
  title: r.title,
  phone: r.phone,
  email: r.email,
});
