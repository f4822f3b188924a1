import { manyByKey, oneByKey } from './batch';

describe('batch results in key order', () => {
  const rows = [
    { id: 'b', parent: 'p2', n: 1 },
    { id: 'a', parent: 'p1', n: 2 },
    { id: 'c', parent: 'p1', n: 3 },
  ];

  it('gives one value per key, null for a missing one, in key order', () => {
    expect(
      oneByKey(
        ['a', 'x', 'b'],
        rows,
        (r) => r.id,
        (r) => r.n,
      ),
    ).toEqual([2, null, 1]);
  });

  it('gives every value per key in row order, empty for a key without rows', () => {
    expect(
      manyByKey(
        ['p1', 'p3', 'p2'],
        rows,
        (r) => r.parent,
        (r) => r.id,
      ),
    ).toEqual([['a', 'c'], [], ['b']]);
  });

  it('answers a repeated key the same each time', () => {
    expect(
      manyByKey(
        ['p2', 'p2'],
        rows,
        (r) => r.parent,
        (r) => r.id,
      ),
    ).toEqual([['b'], ['b']]);
  });
});
