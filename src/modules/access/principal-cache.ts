import { Injectable } from '@nestjs/common';
import type { Authentication } from './authenticator';

/** How long a verified Authorization header is trusted without reading the database again. */
export const PRINCIPAL_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  auth: Authentication;
  until: number;
}

/** The `exp` claim of a JWT in ms (payload decoded, not verified: the entry was verified when it was stored). */
function tokenExpiry(header: string): number {
  const [scheme, token] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'bearer' || !token) return Infinity;
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      exp?: number;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : Infinity;
  } catch {
    return 0;
  }
}

/**
 * Verified principals by Authorization header, so that a client sending the same token or API key again costs no
 * database round trip (it was one statement per request, on every request). Correctness:
 * - only successful authentications are kept, each for at most PRINCIPAL_TTL_MS and never past the token's expiry;
 * - every change that can revoke or narrow access in this process (password set or changed, token version bumped,
 *   user disabled, roles or parks edited, API key revoked) calls `clear()` after its transaction commits;
 * - a lookup that started before a `clear()` does not store its (possibly stale) answer (epoch check);
 * - changes made by another process (the user CLI, another instance) are seen within PRINCIPAL_TTL_MS.
 */
@Injectable()
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;

  async resolve(header: string | undefined, verify: () => Promise<Authentication>): Promise<Authentication> {
    if (!header) return verify();
    const now = Date.now();
    const hit = this.entries.get(header);
    if (hit && hit.until > now) return hit.auth;
    if (hit) this.entries.delete(header);
    const epoch = this.epoch;
    const auth = await verify();
    if (auth.principal && epoch === this.epoch) {
      const until = Math.min(now + PRINCIPAL_TTL_MS, tokenExpiry(header));
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      if (until > now) this.entries.set(header, { auth, until });
    }
    return auth;
  }

  /** Forgets every cached principal: called after any change to users, their parks or API keys. */
  clear(): void {
    this.epoch++;
    this.entries.clear();
  }
}
