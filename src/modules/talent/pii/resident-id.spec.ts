import { birthDateOf, checkCharacter, completeResidentId, genderOf, residentIdProblem } from './resident-id';

describe('GB 11643 resident ID numbers', () => {
  // Examples in the published format: the standard's own (11010519491231002X), 440524188001010014 (check 4) and a
  // Dazu (500111) number with a clearly fake 1900 birth date, as the demo data uses.
  const valid = ['11010519491231002X', '440524188001010014', '50011119000101001X'];

  it.each(valid)('accepts %s', (id) => {
    expect(residentIdProblem(id)).toBeUndefined();
  });

  it('computes the check character, X included', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
    expect(completeResidentId('11010519491231002')).toBe('11010519491231002X');
  });

  it.each(['110105194912310021', '440524188001010013', '500111190001010014'])(
    'refuses %s: wrong check character',
    (id) => {
      expect(residentIdProblem(id)).toMatch(/^wrong check character/);
    },
  );

  it('refuses a wrong shape and an impossible birth date', () => {
    expect(residentIdProblem('1101051949123100')).toMatch(/18 characters/);
    expect(residentIdProblem('11010519491231002x')).toMatch(/18 characters/);
    expect(residentIdProblem(completeResidentId('11010519490231002'))).toMatch(/calendar date/);
  });

  it('reads the birth date and the gender', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(genderOf('11010519491231002X')).toBe('FEMALE');
    expect(genderOf('440524188001010014')).toBe('MALE');
  });
});
