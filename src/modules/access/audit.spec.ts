import { changedFields } from './audit';

describe('changedFields', () => {
  it('lists only the fields that differ, with before and after', () => {
    expect(
      changedFields(
        { id: '1', name: '旧', floor_area: '50.00', version: 1, updated_at: new Date(0) },
        { id: '1', name: '新', floor_area: '50.00', version: 2, updated_at: new Date(1) },
      ),
    ).toEqual([{ field: 'name', before: '旧', after: '新' }]);
  });

  it('treats a create as every field from null', () => {
    expect(changedFields(null, { id: '1', code: 'W-A-001' })).toEqual([
      { field: 'id', before: null, after: '1' },
      { field: 'code', before: null, after: 'W-A-001' },
    ]);
  });

  it('never records password or secret hashes', () => {
    expect(
      changedFields({ password_hash: 'a', secret_hash: 'x' }, { password_hash: 'b', secret_hash: 'y' }),
    ).toEqual([]);
  });

  it('compares dates and arrays by value', () => {
    expect(
      changedFields({ at: new Date(5), roles: ['ADMIN'] }, { at: new Date(5), roles: ['ADMIN'] }),
    ).toEqual([]);
    expect(changedFields({ roles: ['ADMIN'] }, { roles: ['ANALYST'] })).toEqual([
      { field: 'roles', before: ['ADMIN'], after: ['ANALYST'] },
    ]);
  });
});
