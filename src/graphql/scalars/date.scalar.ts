import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD` by shape only (digits and dashes), without the calendar check: for dates read from a `date` column. */
function looksLikeIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = value.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

/** The dates a client may send (inclusive): outside them a date is a typo, and PostgreSQL's edges are far off. */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;

/** True when `value` is a calendar date within DATE_RANGE (YYYY-MM-DD strings compare in date order). */
export function isDateInRange(value: unknown): value is string {
  return isIsoDate(value) && value >= DATE_RANGE.min && value <= DATE_RANGE.max;
}

function parse(value: unknown): string {
  if (!isIsoDate(value)) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (!isDateInRange(value)) {
    throw new GraphQLError(
      `Date must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}, got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return value;
}

/**
 * A calendar date without time or zone, `YYYY-MM-DD` (ISO 8601). Dates travel as strings from the client to
 * PostgreSQL `date` columns and back, so no time zone can shift them.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or zone, written YYYY-MM-DD (ISO 8601), e.g. "2024-02-01".',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // Stored dates are written as they are (the range applies to what clients send). A date PostgreSQL wrote is a
    // real one: the shape check is enough for it, and costs a tenth of the calendar check on every date of a page.
    if (looksLikeIsoDate(value)) return value;
    return parse(value);
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('Date must be a string written YYYY-MM-DD', {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return parse(ast.value);
  },
});

/**
 * Per time zone: its formatter, made on first use and kept (`new Intl.DateTimeFormat` costs ~100 µs and keeps ICU
 * memory outside the JS heap: a new one per call took 46% of CPU and ~1 GB RSS under a nested-list load;
 * test/intl-per-request.e2e-spec.ts fails if a request path builds one), and its last answer with the UTC minute it
 * holds for.
 */
const zones = new Map<string, { formatter: Intl.DateTimeFormat; minute: number; date: string }>();

/**
 * Today's date in the park's time zone (Asia/Shanghai): the default for every `asOf`. Formatted once per UTC minute
 * and zone: every zone in use today is offset from UTC by whole minutes, so its date cannot change within one.
 */
export function today(timeZone = 'Asia/Shanghai'): string {
  const now = Date.now();
  const minute = Math.floor(now / 60_000);
  let zone = zones.get(timeZone);
  if (!zone) {
    const formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    zones.set(timeZone, (zone = { formatter, minute: NaN, date: '' }));
  }
  if (zone.minute !== minute) {
    zone.date = zone.formatter.format(new Date(now));
    zone.minute = minute;
  }
  return zone.date;
}
