/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd for men, even for
 * women) and a check character computed by ISO 7064 MOD 11-2 over the first 17 digits.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** The check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** The number as stored and compared: trimmed, with a lower-case check character x upper-cased. */
export function normaliseResidentId(value: string): string {
  return value.trim().toUpperCase();
}

/** The birth date the number carries, YYYY-MM-DD, or null when it is not a calendar date. */
export function birthDateOf(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** MALE for an odd sequence number, FEMALE for an even one. */
export function genderOf(id: string): 'MALE' | 'FEMALE' {
  return Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/** Why a (normalised) value is not a resident ID number, or undefined when it is one. */
export function residentIdProblem(id: string): string | undefined {
  if (!SHAPE.test(id)) return 'must be 18 characters: 17 digits and a digit or X';
  if (birthDateOf(id) === null) return 'characters 7–14 must be a calendar date (the birth date)';
  const expected = checkCharacter(id.slice(0, 17));
  if (id[17] !== expected) return `wrong check character: ${id[17]} (GB 11643)`;
  return undefined;
}

/** The full number for 17 digits (demo data and tests). */
export function completeResidentId(first17: string): string {
  return first17 + checkCharacter(first17);
}
