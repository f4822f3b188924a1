import { ActorKind, Role } from './access.enums';
import { maskPhone, maskResidentId, PersonalDataKind, revealTo, seesPersonalData } from './personal-data';
import type { Principal } from './principal';

const user = (roles: Role[]): Principal => ({
  kind: ActorKind.USER,
  id: 'u',
  name: 'u',
  roles,
  parkIds: null,
});
const PHONE = PersonalDataKind.PHONE;

describe('personal data', () => {
  it('masks mainland mobile numbers as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('023-4567')).toBe('*****67');
    expect(maskPhone('12')).toBe('****');
  });

  it('shows phones in full only to roles that work with people', () => {
    expect(seesPersonalData(user([Role.ADMIN]), PHONE)).toBe(true);
    expect(seesPersonalData(user([Role.LEASING]), PHONE)).toBe(true);
    expect(seesPersonalData(user([Role.RECRUITER]), PHONE)).toBe(true);
    expect(seesPersonalData(user([Role.ANALYST]), PHONE)).toBe(false);
    expect(seesPersonalData(user([Role.ANALYST, Role.LEASING]), PHONE)).toBe(true);
    expect(seesPersonalData({ ...user([Role.ADMIN]), kind: ActorKind.API_KEY }, PHONE)).toBe(false);
    expect(seesPersonalData(null, PHONE)).toBe(false);
  });

  it('applies the rule to a value and keeps null', () => {
    expect(revealTo(user([Role.ANALYST]), PHONE, '13812345678')).toBe('138****5678');
    expect(revealTo(user([Role.LEASING]), PHONE, '13812345678')).toBe('13812345678');
    expect(revealTo(undefined, PHONE, '13812345678')).toBe('138****5678');
    expect(revealTo(user([Role.ANALYST]), PHONE, null)).toBeNull();
  });

  it('masks resident ID numbers as 5001**********1234, shown in full to ADMIN and RECRUITER only', () => {
    const ID = PersonalDataKind.RESIDENT_ID;
    expect(maskResidentId('50011119000101001X')).toBe('5001**********001X');
    expect(revealTo(user([Role.ANALYST]), ID, '500111190001011234')).toBe('5001**********1234');
    expect(revealTo(user([Role.LEASING]), ID, '500111190001011234')).toBe('5001**********1234');
    expect(revealTo(user([Role.RECRUITER]), ID, '500111190001011234')).toBe('500111190001011234');
    expect(revealTo(user([Role.ADMIN]), ID, '500111190001011234')).toBe('500111190001011234');
    expect(revealTo({ ...user([Role.ADMIN]), kind: ActorKind.API_KEY }, ID, '500111190001011234')).toBe(
      '5001**********1234',
    );
  });
});
