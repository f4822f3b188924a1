import { addDays, addMonths, daysBetween, dueOnOrBefore, minDate, overlapDays } from './contract-dates';
import { add, Fraction, frac, mul, parseDecimal, roundHalfUp, sub } from './money';

/**
 * The rent schedule calculator: pure, exact (bigint fractions of a fen, never floats), unit-tested by hand-computed
 * schedules. The service feeds it a contract's versions and incentives and persists what it returns.
 *
 * Rules:
 * - Periods run from the term start in steps of the payment cycle (1, 3, 6 or 12 months); the last one stops at the
 *   term end (exclusive) and is charged for its days over the days of a full period.
 * - Each period uses the contract version in force on its first day.
 * - Rent of a full period = monthly rent × cycle months × (1 + escalation%)^(whole years since the term start).
 * - A day's rent is the period's rent over the days of the full period; rent-free days (from the rent-free start,
 *   for the contract's days plus any EXTRA_RENT_FREE incentive months) cost nothing; DISCOUNT incentives take their
 *   percentage off the chargeable days within their first months of the term.
 * - Rounding: half-up to the fen, once per bill line, on the exact value: amountBeforeIncentives and amount are each
 *   rounded once; incentiveDiscount is their difference, so a line always adds up.
 */

/** The terms of one contract version, as the calculator needs them. */
export interface ScheduleTerms {
  /** First day this version applies to. */
  effectiveFrom: string;
  startsOn: string;
  /** First day after the term. */
  endsOn: string;
  /** Monthly rent of all units before escalation, in yuan as a decimal string (exact: rate × area summed). */
  monthlyRent: string;
  cycleMonths: number;
  /** Day of month (1–28) on which a bill is due, on or before its period starts. */
  dueDay: number;
  /** Annual escalation in percent, compounding from each anniversary of the term start, e.g. "3" or "2.5". */
  escalationPercent: string;
  rentFreeDays: number;
}

export interface ScheduleIncentive {
  policyId: string;
  /** DISCOUNT: percent off; null for EXTRA_RENT_FREE. */
  discountPercent: string | null;
  /** DISCOUNT: first months of the term it covers; EXTRA_RENT_FREE: rent-free months added. */
  months: number;
}

export interface ScheduleInput {
  versions: ScheduleTerms[];
  /** First rent-free day: the fit-out date or the term start. */
  rentFreeFrom: string;
  incentives: ScheduleIncentive[];
}

/** One bill line as computed (amounts in fen). */
export interface ScheduleLine {
  periodStart: string;
  /** First day after the period. */
  periodEnd: string;
  dueOn: string;
  days: number;
  rentFreeDays: number;
  /** Rent of the period with rent-free days taken off, before incentives. */
  amountBeforeIncentives: bigint;
  incentiveDiscount: bigint;
  /** What the period costs: amountBeforeIncentives − incentiveDiscount. */
  amount: bigint;
}

const HUNDRED = frac(100n);

function pow(f: Fraction, n: number): Fraction {
  let r = frac(1n);
  for (let i = 0; i < n; i++) r = mul(r, f);
  return r;
}

/** The version in force on a date: the latest whose effectiveFrom is on or before it (else the first). */
export function versionOn(versions: ScheduleTerms[], date: string): ScheduleTerms {
  let found = versions[0];
  for (const v of versions) if (v.effectiveFrom <= date && v.effectiveFrom >= found.effectiveFrom) found = v;
  return found;
}

/** The rent-free window [from, until) including extra months granted by incentives. */
export function rentFreeWindow(input: ScheduleInput, terms: ScheduleTerms): { from: string; until: string } {
  const extra = input.incentives.filter((i) => i.discountPercent === null).reduce((n, i) => n + i.months, 0);
  return {
    from: input.rentFreeFrom,
    until: addMonths(addDays(input.rentFreeFrom, terms.rentFreeDays), extra),
  };
}

export function computeSchedule(input: ScheduleInput): ScheduleLine[] {
  if (input.versions.length === 0) return [];
  const sorted = [...input.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const latest = sorted[sorted.length - 1];
  const origin = sorted[0].startsOn;
  const lines: ScheduleLine[] = [];
  for (let k = 0; ; k++) {
    const first = versionOn(sorted, addMonths(origin, k * sorted[0].cycleMonths));
    const cycle = first.cycleMonths;
    const periodStart = addMonths(origin, k * cycle);
    if (periodStart >= latest.endsOn) break;
    const terms = versionOn(sorted, periodStart);
    const fullEnd = addMonths(origin, (k + 1) * cycle);
    const periodEnd = minDate(fullEnd, latest.endsOn);
    const days = daysBetween(periodStart, periodEnd);
    const fullDays = daysBetween(periodStart, fullEnd);
    const years = Math.floor((k * cycle) / 12);
    const escalation = pow(add(frac(1n), mul(parseDecimal(terms.escalationPercent), frac(1n, 100n))), years);
    // Fen per day of this period, exact.
    const perPeriod = mul(
      mul(mul(parseDecimal(terms.monthlyRent), HUNDRED), frac(BigInt(cycle))),
      escalation,
    );
    const perDay = mul(perPeriod, frac(1n, BigInt(fullDays)));
    const free = rentFreeWindow(input, terms);
    const rentFreeDays = overlapDays(periodStart, periodEnd, free.from, free.until);
    const before = mul(perDay, frac(BigInt(days - rentFreeDays)));
    let discount = frac(0n);
    for (const inc of input.incentives) {
      if (inc.discountPercent === null) continue;
      const until = addMonths(origin, inc.months);
      const covered =
        overlapDays(periodStart, periodEnd, origin, until) -
        overlapDays(
          periodStart,
          periodEnd,
          free.from > origin ? free.from : origin,
          minDate(free.until, until),
        );
      if (covered <= 0) continue;
      discount = add(
        discount,
        mul(mul(perDay, frac(BigInt(covered))), mul(parseDecimal(inc.discountPercent), frac(1n, 100n))),
      );
    }
    const exactAmount = sub(before, discount);
    const amountBeforeIncentives = roundHalfUp(before);
    const amount = exactAmount.num <= 0n ? 0n : roundHalfUp(exactAmount);
    lines.push({
      periodStart,
      periodEnd,
      dueOn: dueOnOrBefore(periodStart, terms.dueDay),
      days,
      rentFreeDays,
      amountBeforeIncentives,
      incentiveDiscount: amountBeforeIncentives - amount,
      amount,
    });
  }
  return lines;
}

/** A bill already stored: issued ones are never rewritten. */
export interface StoredBill {
  periodStart: string;
  amount: bigint;
  adjustment: bigint;
  issued: boolean;
}

export interface ReconciledBill extends ScheduleLine {
  /** Differences of issued bills carried onto this one (fen, may be negative). */
  adjustment: bigint;
  /** amount + adjustment, never below zero (a larger credit carries on to the next bill). */
  total: bigint;
}

/**
 * After an amendment: which bills to write. Issued bills stay as they are; for each, the recomputed rent minus what it
 * charged (its amount, without adjustments it carried) is added to the first bill not yet issued, as an adjustment
 * line. Returns the unissued bills to (re)write, in period order, and any adjustment left when no bill remains.
 */
export function reconcile(
  lines: ScheduleLine[],
  stored: StoredBill[],
): { bills: ReconciledBill[]; leftover: bigint } {
  const issued = new Map(stored.filter((b) => b.issued).map((b) => [b.periodStart, b]));
  // What issued bills should have charged minus what they did, less the adjustments issued bills already carried
  // (those settled earlier differences). Adjustments on unissued bills are recomputed from scratch.
  let carry = 0n;
  for (const line of lines) {
    const old = issued.get(line.periodStart);
    if (old) carry += line.amount - old.amount;
  }
  for (const old of issued.values()) carry -= old.adjustment;
  // An issued bill whose period is gone (the term was shortened) should have charged nothing.
  const periods = new Set(lines.map((l) => l.periodStart));
  for (const old of issued.values()) if (!periods.has(old.periodStart)) carry -= old.amount;
  const bills: ReconciledBill[] = [];
  for (const line of lines) {
    if (issued.has(line.periodStart)) continue;
    let adjustment = carry;
    if (line.amount + adjustment < 0n) adjustment = -line.amount;
    carry -= adjustment;
    bills.push({ ...line, adjustment, total: line.amount + adjustment });
  }
  return { bills, leftover: carry };
}
