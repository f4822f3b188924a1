import { UserInputError } from '../errors/app-error';
import { CursorScope, decodeCursor, encodeCursor } from './keyset';

const UNITS: CursorScope = { list: 'units', order: 'CODE_ASC', value: 'text', id: 'uuid' };
const ID = '6f1c2b7e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  it('round-trips the sort value and id', () => {
    expect(decodeCursor(UNITS, encodeCursor(UNITS, 'SA-001', ID))).toEqual(['SA-001', ID]);
    expect(decodeCursor(UNITS, encodeCursor(UNITS, null, ID))).toEqual([null, ID]);
  });

  it.each([
    ['another list', encodeCursor({ ...UNITS, list: 'enterprises' }, 'SA-001', ID)],
    ['another order', encodeCursor({ ...UNITS, order: 'CODE_DESC' }, 'SA-001', ID)],
    ['not base64 JSON', '%%%'],
    ['a non-UUID id', raw(['units', 'CODE_ASC', 'SA-001', '1'])],
    ['a number where text belongs', raw(['units', 'CODE_ASC', 5, ID])],
    ['NUL in the value', raw(['units', 'CODE_ASC', 'a\u0000', ID])],
    ['too many parts', raw(['units', 'CODE_ASC', 'SA-001', ID, 1])],
  ])('refuses %s as "invalid cursor"', (_name, cursor) => {
    expect(() => decodeCursor(UNITS, cursor)).toThrow(UserInputError);
    expect(() => decodeCursor(UNITS, cursor)).toThrow(/invalid cursor/);
  });

  it('checks decimal, date and integer values', () => {
    const area: CursorScope = { list: 'units', order: 'FLOOR_AREA_ASC', value: 'decimal', id: 'uuid' };
    expect(decodeCursor(area, encodeCursor(area, '25.50', ID))).toEqual(['25.50', ID]);
    expect(() => decodeCursor(area, encodeCursor(area, '1; DROP', ID))).toThrow(/invalid cursor/);
    const dated: CursorScope = { list: 'tenancies', order: 'STARTS_ON_ASC', value: 'date', id: 'uuid' };
    expect(() => decodeCursor(dated, encodeCursor(dated, '2024-02-30', ID))).toThrow(/invalid cursor/);
    const audit: CursorScope = { list: 'auditLog', order: 'ID_DESC', value: 'integer', id: 'integer' };
    expect(decodeCursor(audit, encodeCursor(audit, 42, '42'))).toEqual([42, '42']);
    expect(() => decodeCursor(audit, encodeCursor(audit, 42, ID))).toThrow(/invalid cursor/);
  });
});
