import { memoized, RequestMemo } from './request-memo';

describe('RequestMemo', () => {
  it('computes a key once, also for callers that ask before the first answer arrives', async () => {
    const memo = new RequestMemo();
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([memo.get('k', compute), memo.get('k', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await memo.get('other', compute)).toBe(2);
  });

  it('computes every time without a memo (mutations, scripts)', async () => {
    let calls = 0;
    const compute = async () => ++calls;
    expect(await memoized(undefined, 'k', compute)).toBe(1);
    expect(await memoized(undefined, 'k', compute)).toBe(2);
    const memo = new RequestMemo();
    expect(await memoized(memo, 'k', compute)).toBe(3);
    expect(await memoized(memo, 'k', compute)).toBe(3);
  });
});
