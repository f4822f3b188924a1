/**
 * Exact decimal percentages for park figures (occupancy by bay count or by area in m²).
 *
 * Inputs are JavaScript numbers, but they are read as the decimal they print as (`String(12345.67)` is `12345.67`),
 * never as their binary value: `1.005` is one thousand and five thousandths here, although the double nearest to it
 * is slightly less. All arithmetic after that is on BigInt, so rounding half-up is exact.
 */

/** A non-negative decimal as `digits / 10^scale`. */
interface ScaledDecimal {
  digits: bigint;
  scale: number;
}

/** Throws a RangeError unless `value` is a finite number ≥ 0. */
function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/** Reads a finite non-negative number as the decimal of its shortest round-trip form, exponent notation included. */
function toScaledDecimal(value: number): ScaledDecimal {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const scale = fraction.length - exponent;
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

/**
 * The share `numerator / denominator` as a percentage, rounded half-up (a 5 at the first dropped place rounds away
 * from zero) and printed with exactly `decimals` places: `percentHalfUp(107, 140)` is `"76.4"`,
 * `percentHalfUp(61, 80)` (76.25 %) is `"76.3"`, `percentHalfUp(201, 20000, 2)` (1.005 %) is `"1.01"`.
 *
 * The rounding is exact: each input is taken as the decimal it prints as (so `12345.67` means exactly that) and the
 * quotient is computed on integers. Shares above 100 % are allowed. A zero denominator gives zero (`"0.0"`).
 *
 * @param numerator the part, e.g. leased area; finite and ≥ 0
 * @param denominator the whole, e.g. leasable area; finite and ≥ 0
 * @param decimals places after the decimal point, a non-negative integer (default 1)
 * @returns the percentage without a `%` sign
 * @throws RangeError for a negative or non-finite input, or an invalid `decimals`
 */
export function percentHalfUp(numerator: number, denominator: number, decimals = 1): string {
  assertNonNegative('numerator', numerator);
  assertNonNegative('denominator', denominator);
  if (!Number.isSafeInteger(decimals) || decimals < 0) {
    throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  }
  let units = 0n; // the result in units of 10^-decimals percent
  if (denominator !== 0) {
    const n = toScaledDecimal(numerator);
    const d = toScaledDecimal(denominator);
    // (n.digits / 10^n.scale) / (d.digits / 10^d.scale) * 100 * 10^decimals, as one integer fraction
    const dividend = n.digits * 10n ** BigInt(d.scale + 2 + decimals);
    const divisor = d.digits * 10n ** BigInt(n.scale);
    units = dividend / divisor;
    if (2n * (dividend % divisor) >= divisor) units += 1n;
  }
  const text = units.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

/**
 * The plain ratio `numerator / denominator` (0.75 for three quarters), or 0 when the denominator is 0.
 * For display use {@link percentHalfUp}, which rounds exactly.
 *
 * @param numerator the part; finite and ≥ 0
 * @param denominator the whole; finite and ≥ 0
 * @returns the ratio as a floating-point number
 * @throws RangeError for a negative or non-finite input
 */
export function rate(numerator: number, denominator: number): number {
  assertNonNegative('numerator', numerator);
  assertNonNegative('denominator', denominator);
  return denominator === 0 ? 0 : numerator / denominator;
}
