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

  it('never records password or secret hashes, whichever way they are spelt', () => {
    expect(
      changedFields({ password_hash: 'a', secret_hash: 'x' }, { password_hash: 'b', secret_hash: 'y' }),
    ).toEqual([]);
    expect(changedFields({ passwordHash: 'a' }, { passwordHash: 'b' })).toEqual([]);
  });

  it('names fields as the GraphQL API does (floorArea, not floor_area)', () => {
    expect(
      changedFields(
        { floor_area: '50.00', unleasable_reason: null, fitting_out_from: null, displayName: 'a' },
        { floor_area: '60.00', unleasable_reason: 'x', fitting_out_from: '2024-01-02', displayName: 'b' },
      ).map((c) => c.field),
    ).toEqual(['floorArea', 'unleasableReason', 'fittingOutFrom', 'displayName']);
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
