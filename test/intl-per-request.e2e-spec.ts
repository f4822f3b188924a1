import { factories, Factories } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Building an Intl object costs ~100 µs and ICU memory outside the JS heap; one per call on a request path once
 * took 46% of CPU and ~1 GB RSS under load. Formatters are made once and reused, so N requests of any shape must
 * build no Intl object after the first (warm-up) request. The locale methods of Date/Number/String build one
 * internally on every call and are counted too.
 */
const CONSTRUCTORS = [
  'DateTimeFormat',
  'NumberFormat',
  'Collator',
  'PluralRules',
  'RelativeTimeFormat',
  'ListFormat',
  'DisplayNames',
  'Segmenter',
  'Locale',
] as const;

const LOCALE_METHODS: [object, string][] = [
  [Date.prototype, 'toLocaleString'],
  [Date.prototype, 'toLocaleDateString'],
  [Date.prototype, 'toLocaleTimeString'],
  [Number.prototype, 'toLocaleString'],
  [BigInt.prototype, 'toLocaleString'],
  [String.prototype, 'localeCompare'],
];

/** Counts Intl constructions and locale-method calls until `restore()`. */
function intlTripwire(): { counts: Map<string, number>; total(): number; restore(): void } {
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const undo: (() => void)[] = [];
  const intl = Intl as unknown as Record<string, unknown>;
  for (const name of CONSTRUCTORS) {
    const original = intl[name] as (new (...args: unknown[]) => object) | undefined;
    if (!original) continue;
    intl[name] = new Proxy(original, {
      construct(target, args, newTarget) {
        bump(`new Intl.${name}`);
        return Reflect.construct(target, args, newTarget) as object;
      },
      apply(target, self, args) {
        bump(`Intl.${name}()`);
        return Reflect.apply(target as unknown as (...a: unknown[]) => unknown, self, args);
      },
    });
    undo.push(() => (intl[name] = original));
  }
  for (const [proto, method] of LOCALE_METHODS) {
    const target = proto as Record<string, unknown>;
    const original = target[method] as (...args: unknown[]) => unknown;
    target[method] = function (this: unknown, ...args: unknown[]) {
      bump(method);
      return original.apply(this, args);
    };
    undo.push(() => (target[method] = original));
  }
  return {
    counts,
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    restore: () => undo.forEach((u) => u()),
  };
}

describe('no Intl object per request', () => {
  let t: TestApp;
  let f: Factories;
  let parkCode = '';

  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    const space = await f.space(6, { prefix: 'I' });
    parkCode = space.parkCode;
    for (let i = 0; i < 4; i++) {
      const e = await f.enterprise();
      await f.leaseOne({
        enterpriseId: e.id,
        parkCode,
        unitCode: space.units[i]!.code,
        startsOn: '2024-01-01',
      });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('the tripwire itself sees a formatter built per call', () => {
    const wire = intlTripwire();
    try {
      for (let i = 0; i < 3; i++) new Intl.DateTimeFormat('en-CA').format(new Date());
      (1234.5).toLocaleString('zh-CN');
    } finally {
      wire.restore();
    }
    expect(wire.counts.get('new Intl.DateTimeFormat')).toBe(3);
    expect(wire.counts.get('toLocaleString')).toBe(1);
  });

  it.each([
    [
      'units with tenancies and their stage today (no asOf anywhere)',
      `query ($park: String) { units(first: 50, filter: { parkCode: $park }) {
         edges { node { code status currentTenancy { stage } tenancies { stage startsOn enterprise { name } } } } } }`,
    ],
    [
      'tenancies and enterprises without asOf',
      `query ($park: String) { tenancies(first: 50, filter: { parkCode: $park }) { totalCount edges { node { stage } } }
         enterprises(first: 50, filter: { parkCode: $park }) { edges { node { name tenancies { stage } } } } }`,
    ],
    [
      'parkOverview today',
      `query ($park: String!) { parkOverview(parkCode: $park) { asOf totalUnits occupiedUnits } }`,
    ],
  ])('%s: 20 requests build no Intl object after the first', async (_name, query) => {
    const first = await t.gql(query, { park: parkCode });
    expect(first.errors).toBeUndefined();
    const wire = intlTripwire();
    try {
      for (let i = 0; i < 20; i++) {
        const res = await t.gql(query, { park: parkCode });
        expect(res.errors).toBeUndefined();
      }
    } finally {
      wire.restore();
    }
    expect(Object.fromEntries(wire.counts)).toEqual({});
  });
});
