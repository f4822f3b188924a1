import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/input-rules';
import { AppConfig } from '../../config/app-config';
import { ActorKind, ApiKeyKind, Role } from './access.enums';
import { Principal } from './principal';

interface TokenClaims {
  sub: string;
  ver: number;
  exp?: number;
}

/**
 * Claims this app signs itself: a user id (UUID), a token version and an expiry. A token without any of them was not
 * made by `issue()` (or by a secret leaked to someone else's tool) and is refused before any query.
 */
function wellFormed(claims: Partial<TokenClaims>): claims is TokenClaims {
  return (
    isUuid(claims.sub) &&
    Number.isSafeInteger(claims.ver) &&
    typeof claims.exp === 'number' &&
    Number.isFinite(claims.exp)
  );
}

export interface Authentication {
  principal: Principal | null;
  /** Why credentials that were sent were refused (expired, tampered, revoked, …). */
  problem?: string;
}

export const API_KEY_PREFIX = 'spk';

interface ApiKeyRow {
  id: string;
  name: string;
  secret_hash: string;
  all_parks: boolean;
  kind: ApiKeyKind;
  park_ids: string[];
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * Turns an Authorization header into a Principal: `Bearer <JWT>` for users, `ApiKey <prefix>.<secret>` for report
 * clients. Tokens are checked against the user row (disabled, token version bumped by a password change).
 */
@Injectable()
export class Authenticator {
  private readonly logger = new Logger(Authenticator.name);
  private readonly jwt: JwtService;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    const secret = config.JWT_SECRET ?? randomBytes(32).toString('base64url');
    // A KeyObject made once: given a string, jsonwebtoken builds one on every sign and verify (~2 % of CPU under load).
    this.jwt = new JwtService({
      secret: createSecretKey(Buffer.from(secret)),
      signOptions: { algorithm: 'HS256' },
    });
    if (!config.JWT_SECRET && !config.isProduction && config.NODE_ENV !== 'test') {
      this.logger.warn('JWT_SECRET is not set: using a random secret, so tokens end with this process');
    }
  }

  /** Signs an access token for a user; returns it with its expiry. */
  issue(userId: string, tokenVersion: number): { token: string; expiresAt: Date } {
    const ttl = this.config.JWT_TTL_SECONDS;
    const token = this.jwt.sign({ sub: userId, ver: tokenVersion } satisfies TokenClaims, { expiresIn: ttl });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  async authenticate(header: string | undefined): Promise<Authentication> {
    if (!header) return { principal: null };
    const [scheme, value, ...rest] = header.trim().split(/\s+/);
    if (!value || rest.length) return { principal: null, problem: 'Malformed Authorization header' };
    if (scheme?.toLowerCase() === 'bearer') return this.fromToken(value);
    if (scheme?.toLowerCase() === 'apikey') return this.fromApiKey(value);
    return { principal: null, problem: `Unsupported authorization scheme ${scheme}` };
  }

  private async fromToken(token: string): Promise<Authentication> {
    let claims: Partial<TokenClaims>;
    try {
      claims = this.jwt.verify<Partial<TokenClaims>>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      return { principal: null, problem: expired ? 'Access token expired' : 'Invalid access token' };
    }
    if (!wellFormed(claims)) return { principal: null, problem: 'Invalid access token' };
    const [user] = await this.db.query<
      {
        id: string;
        username: string;
        roles: Role[];
        all_parks: boolean;
        token_version: number;
        disabled_at: Date | null;
        park_ids: string[];
      }[]
    >(
      `SELECT u.id, u.username, u.roles::text[] AS roles, u.all_parks, u.token_version, u.disabled_at,
              ARRAY(SELECT park_id FROM app_user_park WHERE user_id = u.id) AS park_ids
       FROM app_user u WHERE u.id = $1`,
      [claims.sub],
    );
    if (!user || user.disabled_at || user.token_version !== claims.ver) {
      return { principal: null, problem: 'Access token revoked' };
    }
    return {
      principal: {
        kind: ActorKind.USER,
        id: user.id,
        name: user.username,
        roles: user.roles,
        parkIds: user.all_parks ? null : user.park_ids,
      },
    };
  }

  private async fromApiKey(value: string): Promise<Authentication> {
    // Exactly `<prefix>.<secret>`: anything appended (a third part) is refused, not ignored.
    const [prefix, secret, ...rest] = value.split('.');
    if (!prefix || !secret || rest.length) return { principal: null, problem: 'Invalid API key' };
    const [key] = await this.db.query<(ApiKeyRow & { stale: boolean })[]>(
      `SELECT k.id, k.name, k.secret_hash, k.all_parks, k.kind,
              (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS stale,
              ARRAY(SELECT park_id FROM api_key_park WHERE api_key_id = k.id) AS park_ids
       FROM api_key k WHERE k.prefix = $1 AND k.revoked_at IS NULL`,
      [prefix],
    );
    const expected = Buffer.from(key?.secret_hash ?? hashSecret('no such key'), 'hex');
    const actual = Buffer.from(hashSecret(secret), 'hex');
    if (!key || !timingSafeEqual(expected, actual)) {
      return { principal: null, problem: 'Invalid or revoked API key' };
    }
    // lastUsedAt to the minute: a report client polling every second does not write a row per request.
    if (key.stale) await this.db.query('UPDATE api_key SET last_used_at = now() WHERE id = $1', [key.id]);
    return {
      principal: {
        kind: ActorKind.API_KEY,
        id: key.id,
        name: key.name,
        roles: [],
        parkIds: key.all_parks ? null : key.park_ids,
        apiKeyKind: key.kind,
      },
    };
  }
}
