import { ActorKind, Role } from './access.enums';
import type { Principal } from './principal';

/** Kinds of personal data a field can hold (marked on the model with @PersonalData). */
export enum PersonalDataKind {
  PHONE = 'PHONE',
  /** 公民身份号码: 18 characters (GB 11643). */
  RESIDENT_ID = 'RESIDENT_ID',
}

interface PersonalDataRule {
  /** Roles that see the value in full; everyone else (other roles, API keys, nobody) sees it masked. */
  seenBy: readonly Role[];
  mask(value: string): string;
}

/** `13812345678` → `138****5678`; shorter values keep only their last two characters. */
export function maskPhone(value: string): string {
  // A +86 country code is dropped so that a mainland mobile reads as usual.
  const all = value.replace(/\D/g, '');
  const digits = all.length === 13 && all.startsWith('86') ? all.slice(2) : all;
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 4) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '****';
}

/** `500111190001010014` → `5001**********0014`: the province and city, then the last four (what recruiters search by). */
export function maskResidentId(value: string): string {
  if (value.length < 12) return '*'.repeat(value.length);
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/**
 * Who sees which personal data in full: the one table. A new kind (trainee ID numbers) adds a row here and marks its
 * model field with @PersonalData; the schema wraps every marked field once at start-up (personal-data.schema.ts), so
 * the rule holds on every path that reaches the field.
 */
export const PERSONAL_DATA: Record<PersonalDataKind, PersonalDataRule> = {
  [PersonalDataKind.PHONE]: { seenBy: [Role.ADMIN, Role.LEASING, Role.RECRUITER], mask: maskPhone },
  [PersonalDataKind.RESIDENT_ID]: { seenBy: [Role.ADMIN, Role.RECRUITER], mask: maskResidentId },
};

/** Whether this caller sees personal data of this kind in full. */
export function seesPersonalData(principal: Principal | null | undefined, kind: PersonalDataKind): boolean {
  if (!principal || principal.kind !== ActorKind.USER) return false;
  const { seenBy } = PERSONAL_DATA[kind];
  return principal.roles.some((role) => seenBy.includes(role));
}

/** The value as this caller may see it: in full, masked, or null when there is none. */
export function revealTo(
  principal: Principal | null | undefined,
  kind: PersonalDataKind,
  value: string | null | undefined,
): string | null {
  if (value === null || value === undefined) return null;
  return seesPersonalData(principal, kind) ? value : PERSONAL_DATA[kind].mask(value);
}
