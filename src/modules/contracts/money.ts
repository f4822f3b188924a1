/**
 * Exact money arithmetic. Amounts are CNY held as bigint fen (分) or, mid-computation, as exact fractions of a fen;
 * never as floats. Rounding is half-up to the fen (0.5 fen and above rounds away from zero), applied once per bill
 * line, on the exact value of that line.
 */

/** An exact non-reduced fraction num/den with den > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^(-?)(\d{1,12})(?:\.(\d{1,6}))?$/;

/** Parses a decimal string ("25.50", "3", "-0.125") into an exact fraction of one unit. */
export function parseDecimal(text: string): Fraction {
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new Error(`Not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole, frac = ''] = m;
  const den = 10n ** BigInt(frac.length);
  const num = BigInt(whole + frac) * (sign === '-' ? -1n : 1n);
  return { num, den };
}

export const frac = (num: bigint, den: bigint = 1n): Fraction => ({ num, den });

export function mul(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function add(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return add(a, { num: -b.num, den: b.den });
}

/** Rounds a fraction of fen half-up (away from zero at exactly half) to whole fen. */
export function roundHalfUp(f: Fraction): bigint {
  const neg = f.num < 0n !== f.den < 0n;
  const n = f.num < 0n ? -f.num : f.num;
  const d = f.den < 0n ? -f.den : f.den;
  const q = (2n * n + d) / (2n * d);
  return neg ? -q : q;
}

/** Yuan as a decimal string ("1234.5") → bigint fen; more than two decimals is refused (money is numeric(14,2)). */
export function toFen(yuan: string): bigint {
  const f = parseDecimal(yuan);
  const fen = mul(f, frac(100n));
  if (fen.num % fen.den !== 0n) throw new Error(`More than two decimals in an amount: ${yuan}`);
  return fen.num / fen.den;
}

/** bigint fen → the API's money string: yuan with exactly two decimals, e.g. "1234.50", "-12.00". */
export function formatFen(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}
