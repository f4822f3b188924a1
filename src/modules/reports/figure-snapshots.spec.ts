import { isMonthEnd, monthStart } from './figure-snapshots.service';

describe('figure snapshots: month arithmetic', () => {
  it('knows month ends, leap years included', () => {
    expect(['2024-01-31', '2024-02-29', '2023-02-28', '2024-04-30', '2024-12-31'].map(isMonthEnd)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['2024-02-28', '2023-02-27', '2024-04-29', '2024-12-01'].map(isMonthEnd)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives the first day of the month', () => {
    expect(monthStart('2024-02-29')).toBe('2024-02-01');
    expect(monthStart('2026-11-27')).toBe('2026-11-01');
  });
});
