/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone shifts a day. */

const DAY_MS = 86_400_000;

const toUtc = (d: string): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Days from `a` to `b` (b exclusive): daysBetween('2024-01-01', '2024-02-01') = 31. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function addDays(d: string, days: number): string {
  return fromUtc(toUtc(d) + days * DAY_MS);
}

/** Adds calendar months, keeping the day of month where it exists, else the month's last day (Jan 31 + 1 = Feb 29). */
export function addMonths(d: string, months: number): string {
  const y = +d.slice(0, 4);
  const m = +d.slice(5, 7) - 1 + months;
  const day = +d.slice(8, 10);
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(day, last)));
}

/** Days of [a, b) that also lie in [c, d). */
export function overlapDays(a: string, b: string, c: string, d: string): number {
  const from = a > c ? a : c;
  const to = b < d ? b : d;
  return to > from ? daysBetween(from, to) : 0;
}

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** The latest date on or before `d` whose day of month is `day` (1–28): when a bill for a period is due. */
export function dueOnOrBefore(d: string, day: number): string {
  const sameMonth = `${d.slice(0, 8)}${String(day).padStart(2, '0')}`;
  return sameMonth <= d ? sameMonth : addMonths(sameMonth, -1);
}
