import { ActorKind, ApiKeyKind, Role } from './access.enums';

/** Who is calling: a signed-in user or a read-only API key, with the parks they may act in. */
export interface Principal {
  kind: ActorKind;
  id: string;
  /** Username, or the API key's name. */
  name: string;
  /** Empty for API keys (read-only by construction). */
  roles: Role[];
  /** The parks in scope; null means every park. */
  parkIds: string[] | null;
  /** For API keys: READ, or MACHINE_GATEWAY (which may only report machine events). */
  apiKeyKind?: ApiKeyKind;
}

/** What a service needs to know about the caller of one operation: for scoping and for the audit trail. */
export interface Actor {
  principal: Principal;
  requestId: string | null;
  /** The GraphQL operation field, e.g. "updateUnit". */
  operation: string;
}

/** An actor for scripts and the seed (every park, audited as SYSTEM). */
export function systemActor(operation: string): Actor {
  return {
    principal: {
      kind: ActorKind.SYSTEM,
      id: '00000000-0000-0000-0000-000000000000',
      name: 'system',
      roles: [Role.ADMIN],
      parkIds: null,
    },
    requestId: null,
    operation,
  };
}

/** The parks an actor may see, for SQL `($n::uuid[] IS NULL OR park_id = ANY($n))`. */
export function parkScope(actor: Actor): string[] | null {
  return actor.principal.parkIds;
}

export function inScope(actor: Actor, parkId: string): boolean {
  return actor.principal.parkIds === null || actor.principal.parkIds.includes(parkId);
}

/**
 * Personal data (phone numbers, ID numbers) is shown in full only to roles that work with the people concerned;
 * ANALYST users and API keys see it masked. The one rule every module uses.
 */
export function seesPersonalData(principal: Principal | null | undefined): boolean {
  if (!principal || principal.kind !== ActorKind.USER) return false;
  return principal.roles.some((r) => r === Role.ADMIN || r === Role.LEASING || r === Role.RECRUITER);
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

/** Applies the personal-data rule to one value. */
export function personal(principal: Principal | null | undefined, value: string | null): string | null {
  if (value === null) return null;
  return seesPersonalData(principal) ? value : maskPhone(value);
}
