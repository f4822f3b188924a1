import { ActorKind, Role } from './access.enums';
import { maskPhone, personal, Principal, seesPersonalData } from './principal';

const user = (roles: Role[]): Principal => ({
  kind: ActorKind.USER,
  id: 'u',
  name: 'u',
  roles,
  parkIds: null,
});

describe('personal data', () => {
  it('masks mainland mobile numbers as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('023-4567')).toBe('*****67');
    expect(maskPhone('12')).toBe('****');
  });

  it('shows phones in full only to roles that work with people', () => {
    expect(seesPersonalData(user([Role.ADMIN]))).toBe(true);
    expect(seesPersonalData(user([Role.LEASING]))).toBe(true);
    expect(seesPersonalData(user([Role.RECRUITER]))).toBe(true);
    expect(seesPersonalData(user([Role.ANALYST]))).toBe(false);
    expect(seesPersonalData({ ...user([]), kind: ActorKind.API_KEY })).toBe(false);
    expect(seesPersonalData(null)).toBe(false);
  });

  it('applies the rule to a value and keeps null', () => {
    expect(personal(user([Role.ANALYST]), '13812345678')).toBe('138****5678');
    expect(personal(user([Role.LEASING]), '13812345678')).toBe('13812345678');
    expect(personal(user([Role.ANALYST]), null)).toBeNull();
  });
});
