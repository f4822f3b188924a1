/**
 * Instants and park days. The park keeps Beijing time (UTC+8, no daylight saving), so a park day D runs from
 * D 00:00+08:00 to D 23:59:59.999999+08:00. "On a date" means at the end of that day: the status of a machine on
 * 2024-02-01 is the one after the last event of that day.
 */
export const PARK_UTC_OFFSET = '+08:00';

/** The last instant of park day `date`, as a timestamptz literal (microseconds, PostgreSQL's precision). */
export function endOfParkDay(date: string): string {
  return `${date}T23:59:59.999999${PARK_UTC_OFFSET}`;
}

/** The first instant of park day `date`, as a timestamptz literal. */
export function startOfParkDay(date: string): string {
  return `${date}T00:00:00${PARK_UTC_OFFSET}`;
}

/** SQL: the first instant of the park day given as a date expression. */
export function startOfParkDaySql(date: string): string {
  return `(${date}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
}
