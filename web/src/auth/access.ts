/**
 * What each role may see, mirroring the API's grants (src/modules/access/access.decorators.ts): a page or a form
 * a role cannot use is not shown to it. The API still checks every request.
 */
export type Page =
  'dashboard' | 'bays' | 'enterprises' | 'machines' | 'talent' | 'partners' | 'contracts' | 'audit';

export type Capability = 'lease' | 'readTenancies' | 'readTalent' | 'readFinance';

const PARK_READERS = ['ADMIN', 'LEASING', 'ANALYST', 'RECRUITER', 'FINANCE'];
const GRANTS: Record<Page | Capability, string[]> = {
  dashboard: PARK_READERS,
  bays: ['ADMIN', 'LEASING', 'ANALYST', 'FINANCE'],
  enterprises: PARK_READERS,
  machines: PARK_READERS,
  talent: ['ADMIN', 'RECRUITER', 'ANALYST'],
  partners: PARK_READERS,
  contracts: ['ADMIN', 'LEASING', 'FINANCE', 'ANALYST'],
  audit: ['ADMIN'],
  lease: ['ADMIN', 'LEASING'],
  readTenancies: ['ADMIN', 'LEASING', 'ANALYST', 'FINANCE'],
  readTalent: ['ADMIN', 'RECRUITER', 'ANALYST'],
  readFinance: ['ADMIN', 'LEASING', 'FINANCE', 'ANALYST'],
};

export const PAGES: Page[] = [
  'dashboard',
  'bays',
  'enterprises',
  'machines',
  'talent',
  'partners',
  'contracts',
  'audit',
];

export function can(roles: readonly string[], what: Page | Capability): boolean {
  return roles.some((role) => GRANTS[what].includes(role));
}

export function pagesFor(roles: readonly string[]): Page[] {
  return PAGES.filter((page) => can(roles, page));
}
