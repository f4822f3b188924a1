import { can, pagesFor } from './access';

describe('menus by role', () => {
  it('shows a recruiter the talent pages and not the bay map or the leasing forms', () => {
    expect(pagesFor(['RECRUITER'])).toEqual(['dashboard', 'enterprises', 'machines', 'talent', 'partners']);
    expect(can(['RECRUITER'], 'lease')).toBe(false);
  });
  it('shows leasing the bay map and its forms, not talent or audit', () => {
    expect(pagesFor(['LEASING'])).toEqual([
      'dashboard',
      'bays',
      'enterprises',
      'machines',
      'partners',
      'contracts',
    ]);
    expect(can(['LEASING'], 'lease')).toBe(true);
  });
  it('shows the audit log to ADMIN only', () => {
    expect(pagesFor(['ADMIN'])).toContain('audit');
    expect(pagesFor(['ANALYST', 'FINANCE'])).not.toContain('audit');
  });
});
