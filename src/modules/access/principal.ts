import type { RequestMemo } from '../../common/request-memo';
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
  /** Reads shared by the fields of one query operation (request-memo.ts); absent for mutations and scripts. */
  memo?: RequestMemo;
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
