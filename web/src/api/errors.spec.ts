import { toFieldPath, toFormErrors } from './errors';

describe('form error mapping', () => {
  it('turns API paths into form paths', () => {
    expect(toFieldPath('input.units.2.code')).toEqual(['units', 2, 'code']);
    expect(toFieldPath('input.startsOn')).toEqual(['startsOn']);
    expect(toFieldPath('username', 'input')).toEqual(['username']);
  });

  it('puts BAD_USER_INPUT fields at the form fields and the rest in general', () => {
    const result = toFormErrors(
      [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'input.startsOn', message: 'startsOn must be a date' },
              { field: 'input.startsOn', message: 'startsOn is too early' },
              { field: 'input.parkCode', message: 'unknown park' },
            ],
          },
        },
      ],
      ['startsOn', 'unitCodes'],
    );
    expect(result.fields).toEqual([
      { name: ['startsOn'], errors: ['startsOn must be a date', 'startsOn is too early'] },
    ]);
    expect(result.general).toEqual(['unknown park']);
    expect(result.conflict).toBeUndefined();
  });

  it('shows a CONFLICT at its field with the holder it names', () => {
    const message = 'Unit W-A-101 is already held by 富瑞雕塑 (tenancy from 2023-03-01)';
    const result = toFormErrors(
      [
        {
          message,
          extensions: { code: 'CONFLICT', field: 'unitCodes', unitCode: 'W-A-101', holder: '富瑞雕塑' },
        },
      ],
      ['unitCodes'],
    );
    expect(result.fields).toEqual([{ name: ['unitCodes'], errors: [message] }]);
    expect(result.conflict).toEqual({ unitCode: 'W-A-101', holder: '富瑞雕塑', message });
    expect(result.general).toEqual([]);
  });

  it('keeps other errors as general messages', () => {
    const result = toFormErrors(
      [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }, { message: 'x' }],
      [],
    );
    expect(result.general).toEqual(['Not allowed', 'x']);
    expect(result.fields).toEqual([]);
  });
});
