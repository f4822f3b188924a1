import { UserInputError } from '../../common/errors/app-error';

/** Month-end dates from the month of `from` to `to` (the last is `to` itself when it is not a month end). */
export function monthEnds(from: string, to: string, maxMonths = 240): string[] {
  if (to < from) throw UserInputError.field('to', 'must be on or after from');
  const dates: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    dates.push(last < to ? last : to);
    if (last >= to) break;
    if (dates.length >= maxMonths)
      throw UserInputError.field('to', `must be within ${maxMonths} months of from`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return dates;
}
