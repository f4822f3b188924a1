/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface Pace {
  expectedByNow: number;
  onTrack: boolean;
  neededPer30Days: number;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Progress of a target against a steady pace: by asOf, a steady pace from startsOn would have reached
 * value × elapsed / total. On track when achieved is at least that (or the goal is met). The pace still needed is
 * what remains per 30 days left (all of it when the due date has passed).
 */
export function paceOf(
  t: { value: number; startsOn: string; dueOn: string },
  achieved: number,
  asOf: string,
): Pace {
  const total = daysBetween(t.startsOn, t.dueOn);
  const elapsed = Math.min(Math.max(daysBetween(t.startsOn, asOf), 0), total);
  const expectedByNow = round2((t.value * elapsed) / total);
  const remaining = Math.max(t.value - achieved, 0);
  const daysLeft = daysBetween(asOf, t.dueOn);
  return {
    expectedByNow,
    onTrack: achieved >= t.value || achieved >= expectedByNow,
    neededPer30Days: remaining === 0 ? 0 : daysLeft <= 0 ? remaining : round2((remaining * 30) / daysLeft),
  };
}
