import { formatFen, roundHalfUp, toFen } from './money';
import { computeSchedule, reconcile, ScheduleInput, ScheduleTerms } from './rent-schedule';

/** 25.00 CNY/m²/month on 100.00 m² = 2500.00 a month; two-year term from 2024-01-01 (a leap year). */
const terms = (over: Partial<ScheduleTerms> = {}): ScheduleTerms => ({
  effectiveFrom: '2024-01-01',
  startsOn: '2024-01-01',
  endsOn: '2026-01-01',
  monthlyRent: '2500.00',
  cycleMonths: 1,
  dueDay: 1,
  escalationPercent: '0',
  rentFreeDays: 0,
  ...over,
});

const input = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({
  versions: [terms()],
  rentFreeFrom: '2024-01-01',
  incentives: [],
  ...over,
});

const money = (lines: { amount: bigint }[]) => lines.map((l) => formatFen(l.amount));

describe('money', () => {
  it('rounds half-up to the fen, exactly', () => {
    expect(roundHalfUp({ num: 5n, den: 2n })).toBe(3n);
    expect(roundHalfUp({ num: 249n, den: 100n })).toBe(2n);
    expect(roundHalfUp({ num: -5n, den: 2n })).toBe(-3n);
    expect(toFen('1234.5')).toBe(123450n);
    expect(formatFen(-1205n)).toBe('-12.05');
    expect(() => toFen('1.005')).toThrow();
  });
});

describe('computeSchedule', () => {
  it('bills a monthly cycle in advance on the stated day', () => {
    const lines = computeSchedule(input({ versions: [terms({ dueDay: 25 })] }));
    expect(lines).toHaveLength(24);
    expect(lines[0]).toMatchObject({
      periodStart: '2024-01-01',
      periodEnd: '2024-02-01',
      dueOn: '2023-12-25',
    });
    expect(lines[1].dueOn).toBe('2024-01-25');
    expect(money(lines.slice(0, 3))).toEqual(['2500.00', '2500.00', '2500.00']);
  });

  it('bills a quarterly cycle and prorates a short last period by the days of a full one', () => {
    const lines = computeSchedule(input({ versions: [terms({ cycleMonths: 3, endsOn: '2024-05-16' })] }));
    expect(lines.map((l) => [l.periodStart, l.periodEnd, l.days])).toEqual([
      ['2024-01-01', '2024-04-01', 91],
      ['2024-04-01', '2024-05-16', 45],
    ]);
    // 7500 × 45 / 91 (Apr–Jun has 91 days) = 3708.7912… → 3708.79
    expect(money(lines)).toEqual(['7500.00', '3708.79']);
  });

  it('counts rent-free days from the fit-out date across a monthly period boundary', () => {
    // 45 days from 2024-01-15: Jan 15–31 (17 days) and Feb 1–28 (28 days); Feb 29 is charged.
    const lines = computeSchedule(
      input({ versions: [terms({ rentFreeDays: 45 })], rentFreeFrom: '2024-01-15' }),
    );
    expect(lines.slice(0, 3).map((l) => l.rentFreeDays)).toEqual([17, 28, 0]);
    // Jan: 2500 × 14/31 = 1129.0322… → 1129.03; Feb: 2500 × 1/29 = 86.2068… → 86.21
    expect(money(lines.slice(0, 3))).toEqual(['1129.03', '86.21', '2500.00']);
  });

  it('counts rent-free days crossing a quarterly boundary', () => {
    // 100 days from 2024-03-01: Mar (31) in Q1, Apr 1 – Jun 8 (69) in Q2.
    const lines = computeSchedule(
      input({ versions: [terms({ cycleMonths: 3, rentFreeDays: 100 })], rentFreeFrom: '2024-03-01' }),
    );
    expect(lines.slice(0, 2).map((l) => l.rentFreeDays)).toEqual([31, 69]);
    // Q1: 7500 × 60/91 = 4945.0549… → 4945.05; Q2: 7500 × 22/91 = 1813.1868… → 1813.19
    expect(money(lines.slice(0, 2))).toEqual(['4945.05', '1813.19']);
  });

  it('escalates from each anniversary, compounding', () => {
    const lines = computeSchedule(
      input({ versions: [terms({ escalationPercent: '5', endsOn: '2027-01-01', cycleMonths: 12 })] }),
    );
    // 30000, 31500, 33075
    expect(money(lines)).toEqual(['30000.00', '31500.00', '33075.00']);
  });

  it('applies a discount incentive to chargeable days only, rounding the line once', () => {
    const lines = computeSchedule(
      input({
        versions: [terms({ rentFreeDays: 45 })],
        rentFreeFrom: '2024-01-15',
        incentives: [{ policyId: 'p', discountPercent: '50', months: 12 }],
      }),
    );
    // Jan: before 1129.0322… → 1129.03; half of it 564.5161… → amount 564.52, discount shown 564.51.
    expect(lines[0]).toMatchObject({
      amountBeforeIncentives: 112903n,
      amount: 56452n,
      incentiveDiscount: 56451n,
    });
    expect(formatFen(lines[2].amount)).toBe('1250.00');
    expect(formatFen(lines[12].amount)).toBe('2500.00');
  });

  it('adds extra rent-free months of an incentive after the contract’s own rent-free days', () => {
    const lines = computeSchedule(
      input({
        versions: [terms({ rentFreeDays: 31 })],
        incentives: [{ policyId: 'p', discountPercent: null, months: 2 }],
      }),
    );
    expect(money(lines.slice(0, 4))).toEqual(['0.00', '0.00', '0.00', '2500.00']);
  });

  it('uses the version in force on each period’s first day', () => {
    const lines = computeSchedule(
      input({ versions: [terms(), terms({ effectiveFrom: '2024-03-01', monthlyRent: '2000.00' })] }),
    );
    expect(money(lines.slice(0, 4))).toEqual(['2500.00', '2500.00', '2000.00', '2000.00']);
  });
});

describe('reconcile', () => {
  it('never rewrites an issued bill: the difference becomes an adjustment on the next bill', () => {
    const before = computeSchedule(input());
    const stored = before.map((l, i) => ({
      periodStart: l.periodStart,
      amount: l.amount,
      adjustment: 0n,
      issued: i < 2,
    }));
    // Amended retroactively from 2024-01-01 to 2000.00 a month: Jan and Feb (issued) each 500.00 too much.
    const after = computeSchedule(input({ versions: [terms({ monthlyRent: '2000.00' })] }));
    const { bills, leftover } = reconcile(after, stored);
    expect(bills[0]).toMatchObject({ periodStart: '2024-03-01', amount: 200000n, adjustment: -100000n });
    expect(bills[0].total).toBe(100000n);
    expect(bills[1].adjustment).toBe(0n);
    expect(leftover).toBe(0n);
    // Issued later, then amended again to 2200.00: only the new differences are carried.
    const stored2 = [
      ...stored.slice(0, 2),
      { periodStart: '2024-03-01', amount: 200000n, adjustment: -100000n, issued: true },
    ];
    const again = reconcile(
      computeSchedule(input({ versions: [terms({ monthlyRent: '2200.00' })] })),
      stored2,
    );
    // Jan, Feb: 2200 − 2500 = −300 each; Mar: 2200 − 2000 = +200; minus the −1000 already carried: +600.
    expect(again.bills[0]).toMatchObject({ periodStart: '2024-04-01', adjustment: 60000n, total: 280000n });
  });

  it('carries a credit larger than a bill on to the following bills', () => {
    const lines = computeSchedule(input({ versions: [terms({ monthlyRent: '100.00' })] }));
    const stored = [{ periodStart: '2024-01-01', amount: 100000n, adjustment: 0n, issued: true }];
    const { bills } = reconcile(lines, stored);
    // Jan charged 1000.00 but should be 100.00: −900 spread over Feb..
    expect(bills.slice(0, 10).map((b) => formatFen(b.total))).toEqual([
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '100.00',
    ]);
  });
});
