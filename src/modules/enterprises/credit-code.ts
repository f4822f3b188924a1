import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters (1-based positions):
 * - 1: registration authority (登记管理部门代码),
 * - 2: organisation category within that authority (机构类别代码),
 * - 3-8: administrative division of the registering office (GB/T 2260),
 * - 9-17: organisation code (主体标识码, GB 11714): eight body characters and its own check character at 17,
 * - 18: check character over positions 1-17.
 */

/** The 31 characters GB 32100 uses: digits and capital letters without I, O, Z, S and V; a character's index is its value. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Registration authority codes of the GB 32100 table (position 1): 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政,
 * 6 旅游, 7 宗教, 8 工会, 9 工商 (market regulation), A 中央军委改革和编制办公室, N 农业, Y 其他.
 */
const AUTHORITY_CODES = '123456789ANY';

/** GB 32100 weights for positions 1..17 (3^(i-1) mod 31). */
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 weights for the eight body characters of the organisation code. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const LENGTH = 18;

/**
 * Computes the GB 32100 check character (position 18) for the first 17 characters of `code`.
 * The caller must have checked that those characters belong to {@link CREDIT_CODE_ALPHABET}.
 */
function checkCharacter(code: string): string {
  let sum = 0;
  for (let i = 0; i < CHECK_WEIGHTS.length; i++)
    sum += CREDIT_CODE_ALPHABET.indexOf(code[i]) * CHECK_WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Computes the GB 11714 check character of the organisation code held at positions 9-16.
 * GB 11714 values letters by their place in the full Latin alphabet (A = 10 … Z = 35), unlike GB 32100's own table.
 */
function orgCodeCheckCharacter(code: string): string {
  let sum = 0;
  for (let i = 0; i < ORG_CODE_WEIGHTS.length; i++) sum += parseInt(code[8 + i], 36) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Says what is wrong with a unified social credit code, or nothing when it is valid.
 *
 * The rules are checked in this order and the first one broken is reported: exactly 18 characters; only characters
 * of {@link CREDIT_CODE_ALPHABET} (lowercase is rejected, not folded); a registration authority code of the GB 32100
 * table at position 1; a GB 11714 check character for the organisation code at position 17; the GB 32100 check
 * character at position 18. Positions in messages are 1-based. The value is not trimmed.
 *
 * Early codes from the Xiamen pilot (issued before GB 32100 took effect, e.g. `91350211M00013FA1N`) do not satisfy the
 * check character rule and are rejected.
 *
 * @param value the code as entered
 * @returns `undefined` when valid, otherwise a short message meant to follow the field name,
 *   e.g. `must be exactly 18 characters (got 17)`
 */
export function creditCodeProblem(value: string): string | undefined {
  const chars = Array.from(value); // code points, so an emoji counts once and is quoted whole
  if (chars.length !== LENGTH) return `must be exactly 18 characters (got ${chars.length})`;
  const bad = chars.findIndex((char) => !CREDIT_CODE_ALPHABET.includes(char));
  if (bad >= 0) {
    return (
      'must use only digits and the capital letters of GB 32100 (no I, O, Z, S, V; lowercase not accepted): ' +
      `'${chars[bad]}' at position ${bad + 1} is not allowed`
    );
  }
  if (!AUTHORITY_CODES.includes(value[0])) {
    return (
      `must start with a GB 32100 registration authority code (1-9, A, N or Y): ` +
      `'${value[0]}' at position 1 is not one`
    );
  }
  const orgCheck = orgCodeCheckCharacter(value);
  if (value[16] !== orgCheck) {
    return (
      `has an invalid organisation code (positions 9-17): expected GB 11714 check character '${orgCheck}' ` +
      `at position 17, got '${value[16]}'`
    );
  }
  const check = checkCharacter(value);
  if (value[17] !== check) {
    return `has a wrong check character: expected '${check}' at position 18, got '${value[17]}'`;
  }
  return undefined;
}

/**
 * Tells whether `value` is a valid unified social credit code (see {@link creditCodeProblem} for the rules).
 *
 * @param value the code as entered
 * @returns `true` when no rule is broken
 */
export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === undefined;
}

/** The problem with a validated value of any type: non-strings are refused; for arrays (`each`), the first bad item. */
function problemOf(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = problemOf(item);
      if (problem) return problem;
    }
    return undefined;
  }
  return typeof value === 'string' ? creditCodeProblem(value) : 'must be a string';
}

/**
 * class-validator decorator: the property must hold a valid unified social credit code (GB 32100-2015).
 * The default message is the property name followed by the broken rule, e.g.
 * `creditCode has a wrong check character: expected 'G' at position 18, got 'H'`.
 *
 * @param options the usual class-validator options (`message`, `each`, `groups`, …)
 * @returns the property decorator
 */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCreditCode',
      validator: {
        validate: (value: unknown): boolean => typeof value === 'string' && isValidCreditCode(value),
        defaultMessage: buildMessage(
          (eachPrefix, args) =>
            `${eachPrefix}$property ${problemOf(args?.value) ?? 'must be a valid credit code'}`,
          options,
        ),
      },
    },
    options,
  );
}

/**
 * Completes a 16-character code prefix (authority, category, region, organisation body) with its two check characters.
 * Used to make valid illustrative codes for demo and test data.
 */
export function completeCreditCode(prefix16: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{16}$/.test(prefix16)) throw new RangeError('prefix must be 16 code characters');
  const seventeen = prefix16 + orgCodeCheckCharacter(prefix16);
  return seventeen + checkCharacter(seventeen);
}
