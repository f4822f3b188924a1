import { fromGlobalId } from '../../graphql/node/global-id';
import { NodeRegistry, sqlSource } from '../../graphql/node/node-registry';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../../database/transaction';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { updateVersioned } from '../../common/entities/versioned-update';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UserInputError,
} from '../../common/errors/app-error';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { paginate } from '../../common/pagination/keyset';
import { AppConfig } from '../../config/app-config';
import { ActorKind, ApiKeyKind, Role } from './access.enums';
import { ApiKey, AuditEntry, CreatedApiKey, LoginResult, Me, User } from './access.models';
import { writeAudit } from './audit';
import { API_KEY_PREFIX, Authenticator, hashSecret } from './authenticator';
import { AuditLogArgs, CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './dto/access.inputs';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';
import { PrincipalCache } from './principal-cache';
import { Actor, parkScope } from './principal';

/** Advisory lock namespaces (first key of pg_advisory_xact_lock(int, int)) of the sign-in rate limit. */
const LOCK_LOGIN_USERNAME = 7101;
const LOCK_LOGIN_ADDRESS = 7102;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  all_parks: boolean;
  token_version: number;
  disabled_at: Date | null;
  last_login_at: Date | null;
  demo: boolean;
  version: number;
  park_codes: string[];
  park_ids: string[];
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.password_hash, u.roles::text[] AS roles, u.all_parks,
  u.token_version, u.disabled_at, u.last_login_at, u.demo, u.version,
  ARRAY(SELECT p.code FROM app_user_park up JOIN park p ON p.id = up.park_id WHERE up.user_id = u.id ORDER BY p.code) AS park_codes,
  ARRAY(SELECT park_id FROM app_user_park WHERE user_id = u.id) AS park_ids
  FROM app_user u`;

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: r.roles,
  allParks: r.all_parks,
  parkCodes: r.all_parks ? [] : r.park_codes,
  disabled: r.disabled_at !== null,
  lastLoginAt: r.last_login_at,
  demo: r.demo,
  version: r.version,
});

/** Sign-in, users, API keys and the audit log. */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly authenticator: Authenticator,
    private readonly config: AppConfig,
    private readonly principals: PrincipalCache,
  ) {}

  /**
   * Same answer and comparable time for an unknown user and a wrong password (scrypt runs either way).
   *
   * Rate limit without a race: the attempt is recorded before the password is checked, in a short transaction that
   * holds advisory locks on the username and on the client address, so concurrent sign-ins are counted one after the
   * other and at most LOGIN_MAX_FAILURES wrong passwords per username (LOGIN_MAX_FAILURES_PER_IP per address) are
   * ever checked in LOGIN_WINDOW_MINUTES, however many arrive at once. A failed check leaves its attempt recorded; a
   * successful one removes its own attempt only (earlier failures age out of the window).
   */
  async login(username: string, password: string, ip: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase().slice(0, 64);
    const attemptId = await this.recordAttempt(name, ip.replace(/\0/g, '').slice(0, 64));
    const [user] = await this.db.query<UserRow[]>(`${USER_SELECT} WHERE u.username = $1`, [name]);
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled_at) throw new UnauthenticatedError('Invalid username or password');
    await inTransaction(this.db, async (m) => {
      await m.query('UPDATE app_user SET last_login_at = now() WHERE id = $1', [user.id]);
      await m.query('DELETE FROM login_failure WHERE id = $1', [attemptId]);
    });
    const { token, expiresAt } = this.authenticator.issue(user.id, user.token_version);
    return { accessToken: token, expiresAt, user: toUser({ ...user, last_login_at: new Date() }) };
  }

  /** Counts and records one sign-in attempt atomically, or refuses it (UNAUTHENTICATED) when a limit is reached. */
  private async recordAttempt(name: string, ip: string): Promise<string> {
    const window = `${this.config.LOGIN_WINDOW_MINUTES} minutes`;
    return inTransaction(this.db, async (m) => {
      // Username first, then address, always in this order: two sign-ins never wait on each other's second lock.
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_LOGIN_USERNAME, name]);
      await m.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_LOGIN_ADDRESS, ip]);
      // Keep the table small: attempts older than the window no longer count.
      await m.query('DELETE FROM login_failure WHERE username = $1 AND occurred_at < now() - $2::interval', [
        name,
        window,
      ]);
      const [counts] = await m.query<{ by_user: number; by_ip: number }[]>(
        `SELECT count(*) FILTER (WHERE username = $1)::int AS by_user, count(*) FILTER (WHERE ip = $2)::int AS by_ip
         FROM login_failure WHERE occurred_at > now() - $3::interval AND (username = $1 OR ip = $2)`,
        [name, ip, window],
      );
      if (
        counts.by_user >= this.config.LOGIN_MAX_FAILURES ||
        counts.by_ip >= this.config.LOGIN_MAX_FAILURES_PER_IP
      ) {
        throw new UnauthenticatedError(
          `Too many failed sign-ins; try again in ${this.config.LOGIN_WINDOW_MINUTES} minutes`,
        );
      }
      const [row] = await m.query<{ id: string }[]>(
        'INSERT INTO login_failure (username, ip) VALUES ($1, $2) RETURNING id',
        [name, ip],
      );
      return row.id;
    });
  }

  async me(actor: Actor): Promise<Me> {
    const ids = parkScope(actor);
    const codes = ids
      ? (
          await this.db.query<{ code: string }[]>('SELECT code FROM park WHERE id = ANY($1) ORDER BY code', [
            ids,
          ])
        ).map((r) => r.code)
      : null;
    const p = actor.principal;
    return { kind: p.kind, id: p.id, name: p.name, roles: p.roles, parkCodes: codes };
  }

  /** Users who share a park with the admin (all users for an all-parks admin). */
  async listUsers(actor: Actor): Promise<User[]> {
    const rows = await this.db.query<UserRow[]>(
      `${USER_SELECT} WHERE $1::uuid[] IS NULL
         OR EXISTS (SELECT 1 FROM app_user_park up WHERE up.user_id = u.id AND up.park_id = ANY($1))
       ORDER BY u.username`,
      [parkScope(actor)],
    );
    return rows.map(toUser);
  }

  async createUser(actor: Actor, input: CreateUserInput): Promise<User> {
    try {
      return await inTransaction(this.db, async (m) => {
        const parkIds = await this.grantableParks(m, actor, input.parkCodes ?? [], input.allParks ?? false);
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO app_user (username, display_name, password_hash, roles, all_parks)
           VALUES ($1, $2, $3, $4::role[], $5) RETURNING id`,
          [
            input.username,
            input.displayName,
            await hashPassword(input.password),
            input.roles,
            input.allParks ?? false,
          ],
        );
        await this.setParks(m, row.id, parkIds);
        const user = await this.userById(m, row.id);
        await writeAudit(m, actor, [
          { entityType: 'User', entityId: user.id, parkId: null, before: null, after: user },
        ]);
        return user;
      });
    } catch (error) {
      if (pgError(error).code === PG_UNIQUE_VIOLATION) {
        throw new ConflictError(`Username ${input.username} is taken`, { field: 'username' });
      }
      throw error;
    }
  }

  async updateUser(actor: Actor, input: UpdateUserInput): Promise<User> {
    return this.narrowingAccess(async (m) => {
      const before = await this.manageableUser(m, actor, input.id);
      const parkIds =
        input.parkCodes !== undefined || input.allParks !== undefined
          ? await this.grantableParks(
              m,
              actor,
              input.parkCodes ?? before.parkCodes,
              input.allParks ?? before.allParks,
            )
          : undefined;
      await updateVersioned(m, {
        table: 'app_user',
        label: 'User',
        id: input.id,
        version: input.version,
        parkIds: null,
        columns: { display_name: input.displayName, roles: input.roles, all_parks: input.allParks },
      });
      if (parkIds) await this.setParks(m, input.id, parkIds);
      const after = await this.userById(m, input.id);
      await writeAudit(m, actor, [{ entityType: 'User', entityId: input.id, parkId: null, before, after }]);
      return after;
    });
  }

  /** Sets a password and invalidates every token the user holds. */
  async setPassword(actor: Actor, userId: string, password: string): Promise<User> {
    return this.narrowingAccess(async (m) => {
      await this.manageableUser(m, actor, userId);
      return this.changePassword(m, actor, userId, password);
    });
  }

  async changeMyPassword(actor: Actor, current: string, next: string): Promise<User> {
    if (actor.principal.kind !== ActorKind.USER) throw new ForbiddenError('API keys have no password');
    return this.narrowingAccess(async (m) => {
      const [row] = await m.query<UserRow[]>(`${USER_SELECT} WHERE u.id = $1 FOR UPDATE OF u`, [
        actor.principal.id,
      ]);
      if (!row || !(await verifyPassword(current, row.password_hash))) {
        throw UserInputError.field('currentPassword', 'is not your current password');
      }
      return this.changePassword(m, actor, row.id, next);
    });
  }

  /** Disabling (or enabling) a user; disabling invalidates their tokens at once. */
  async setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<User> {
    if (disabled && userId === actor.principal.id)
      throw UserInputError.field('id', 'you cannot disable yourself');
    return this.narrowingAccess(async (m) => {
      const before = await this.manageableUser(m, actor, userId);
      await m.query(
        `UPDATE app_user SET disabled_at = CASE WHEN $2 THEN now() END, token_version = token_version + 1,
           version = version + 1, updated_at = now() WHERE id = $1`,
        [userId, disabled],
      );
      const after = await this.userById(m, userId);
      await writeAudit(m, actor, [{ entityType: 'User', entityId: userId, parkId: null, before, after }]);
      return after;
    });
  }

  async listApiKeys(actor: Actor): Promise<ApiKey[]> {
    const rows = await this.db.query<ApiKeyRow[]>(
      `${API_KEY_SELECT} WHERE $1::uuid[] IS NULL OR k.created_by_id = $2
         OR EXISTS (SELECT 1 FROM api_key_park kp WHERE kp.api_key_id = k.id AND kp.park_id = ANY($1))
       ORDER BY k.created_at`,
      [parkScope(actor), actor.principal.id],
    );
    return rows.map(toApiKey);
  }

  /** A new read-only key; its secret is returned once and only its SHA-256 is stored. */
  async createApiKey(actor: Actor, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    return inTransaction(this.db, async (m) => {
      const kind = input.kind ?? ApiKeyKind.READ;
      const allParks = input.parkCodes === undefined && actor.principal.parkIds === null;
      const parkIds = allParks
        ? []
        : input.parkCodes === undefined
          ? actor.principal.parkIds!
          : await this.grantableParks(m, actor, input.parkCodes, false);
      // A gateway reports for the machines of one park: bound to exactly one, never to all.
      if (kind === ApiKeyKind.MACHINE_GATEWAY && (allParks || parkIds.length !== 1)) {
        throw UserInputError.field('input.parkCodes', 'a MACHINE_GATEWAY key is bound to exactly one park');
      }
      const prefix = `${API_KEY_PREFIX}_${randomBytes(6).toString('hex')}`;
      const secretPart = randomBytes(32).toString('base64url');
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO api_key (name, prefix, secret_hash, all_parks, created_by_id, kind) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.name, prefix, hashSecret(secretPart), allParks, actor.principal.id, kind],
      );
      if (parkIds.length) {
        await m.query('INSERT INTO api_key_park (api_key_id, park_id) SELECT $1, unnest($2::uuid[])', [
          row.id,
          parkIds,
        ]);
      }
      const [key] = await m.query<ApiKeyRow[]>(`${API_KEY_SELECT} WHERE k.id = $1`, [row.id]);
      const apiKey = toApiKey(key);
      await writeAudit(m, actor, [
        { entityType: 'ApiKey', entityId: apiKey.id, parkId: null, before: null, after: apiKey },
      ]);
      return { apiKey, secret: `${prefix}.${secretPart}` };
    });
  }

  async revokeApiKey(actor: Actor, id: string): Promise<ApiKey> {
    return this.narrowingAccess(async (m) => {
      const [before] = await m.query<ApiKeyRow[]>(
        `${API_KEY_SELECT} WHERE k.id = $1 AND ($2::uuid[] IS NULL OR k.created_by_id = $3
           OR EXISTS (SELECT 1 FROM api_key_park kp WHERE kp.api_key_id = k.id AND kp.park_id = ANY($2)))`,
        [id, parkScope(actor), actor.principal.id],
      );
      if (!before) throw new NotFoundError('ApiKey', id);
      await m.query('UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1', [id]);
      const [after] = await m.query<ApiKeyRow[]>(`${API_KEY_SELECT} WHERE k.id = $1`, [id]);
      await writeAudit(m, actor, [
        {
          entityType: 'ApiKey',
          entityId: id,
          parkId: null,
          before: toApiKey(before),
          after: toApiKey(after),
        },
      ]);
      return toApiKey(after);
    });
  }

  /** User, ApiKey and AuditEntry for `node(id:)`, scoped as listUsers, listApiKeys and auditLog are. */
  registerNodes(nodes: NodeRegistry): void {
    const sharesPark = (link: string, column: string, id: string) =>
      `($2::uuid[] IS NULL OR EXISTS (SELECT 1 FROM ${link} l WHERE l.${column} = ${id} AND l.park_id = ANY($2)))`;
    nodes.register(
      'User',
      sqlSource(
        'User',
        this.db,
        `${USER_SELECT} WHERE u.id = ANY($1) AND ${sharesPark('app_user_park', 'user_id', 'u.id')}`,
        toUser,
      ),
    );
    nodes.register(
      'ApiKey',
      sqlSource(
        'ApiKey',
        this.db,
        `${API_KEY_SELECT} WHERE k.id = ANY($1) AND (k.created_by_id = $3 OR ${sharesPark('api_key_park', 'api_key_id', 'k.id')})`,
        toApiKey,
      ),
    );
    nodes.register(
      'AuditEntry',
      sqlSource(
        'AuditEntry',
        this.db,
        `SELECT a.* FROM audit_log a WHERE a.id = ANY($1::bigint[])
           AND ($2::uuid[] IS NULL OR a.park_id = ANY($2) OR a.actor_id = $3)`,
        toAuditEntry,
        { numericKeys: true },
      ),
    );
  }

  /** Audit entries, newest first; a park-scoped admin sees entries of their parks and their own actions. */
  async auditLog(actor: Actor, args: AuditLogArgs): Promise<Connection<AuditEntry>> {
    const f = args.filter ?? {};
    const q = this.db.createQueryBuilder().from('audit_log', 'a').select('a.*').addSelect('a.id', 'sort_key');
    const parkIds = parkScope(actor);
    if (parkIds)
      q.andWhere('(a.park_id = ANY(:parkIds) OR a.actor_id = :me)', { parkIds, me: actor.principal.id });
    if (f.entityType) q.andWhere('a.entity_type = :entityType', { entityType: f.entityType });
    if (f.entityId) {
      // A global id names the type too; an id of what is no Node (an import's `units:<sha256>`) is matched as is.
      const entity = fromGlobalId(f.entityId);
      if (entity)
        q.andWhere('a.entity_type = :entityKind AND a.entity_id = :entityId', {
          entityKind: entity.type,
          entityId: entity.key,
        });
      else q.andWhere('a.entity_id = :entityId', { entityId: f.entityId });
    }
    if (f.actor) q.andWhere('a.actor_name = :actor', { actor: f.actor });
    if (f.from) q.andWhere('a.occurred_at >= :from', { from: f.from });
    if (f.to) q.andWhere('a.occurred_at < :to', { to: f.to });
    return paginate<AuditRow & { sort_key: string }, AuditEntry>(
      q,
      {
        expression: 'a.id',
        key: 'sort_key',
        direction: SortDirection.DESC,
        nullable: false,
        idExpression: 'a.id',
        idKey: 'id',
        cursor: { list: 'auditLog', order: 'ID_DESC', value: 'integer', id: 'integer' },
      },
      args,
      toAuditEntry,
    );
  }

  /**
   * A change that can revoke or narrow someone's access (password, token version, disabled, roles, parks, API key
   * revoked), in one transaction; afterwards, committed or not, the cached principals are forgotten, so the next
   * request of anyone reads its user or key again (and a lookup that overlapped the change does not store its answer).
   */
  private async narrowingAccess<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.db, work).finally(() => this.principals.clear());
  }

  private async changePassword(
    m: EntityManager,
    actor: Actor,
    userId: string,
    password: string,
  ): Promise<User> {
    if (password.length < 10 || password.length > 200)
      throw UserInputError.field('password', 'must be 10 to 200 characters');
    await m.query(
      `UPDATE app_user SET password_hash = $2, token_version = token_version + 1, version = version + 1, updated_at = now()
       WHERE id = $1`,
      [userId, await hashPassword(password)],
    );
    const after = await this.userById(m, userId);
    await writeAudit(m, actor, [
      {
        entityType: 'User',
        entityId: userId,
        parkId: null,
        before: { password: 'unchanged' },
        after: { password: 'changed' },
      },
    ]);
    return after;
  }

  private async userById(m: EntityManager, id: string): Promise<User> {
    const [row] = await m.query<UserRow[]>(`${USER_SELECT} WHERE u.id = $1`, [id]);
    if (!row) throw new NotFoundError('User', id);
    return toUser(row);
  }

  /** A user the admin may manage: any for an all-parks admin; else one whose parks are all within the admin's. */
  private async manageableUser(m: EntityManager, actor: Actor, id: string): Promise<User> {
    const [row] = await m.query<UserRow[]>(`${USER_SELECT} WHERE u.id = $1 FOR UPDATE OF u`, [id]);
    const scope = parkScope(actor);
    const visible =
      row && (scope === null || (!row.all_parks && row.park_ids.some((p) => scope.includes(p))));
    if (!row || !visible) throw new NotFoundError('User', id);
    if (scope !== null && row.park_ids.some((p) => !scope.includes(p))) {
      throw new ForbiddenError('This user also acts in parks outside your scope');
    }
    return toUser(row);
  }

  /** Park ids for codes the actor may grant; only all-parks admins grant all parks. */
  private async grantableParks(
    m: EntityManager,
    actor: Actor,
    codes: string[],
    allParks: boolean,
  ): Promise<string[]> {
    if (allParks) {
      if (actor.principal.parkIds !== null)
        throw new ForbiddenError('Only an all-parks administrator can grant all parks');
      return [];
    }
    const rows = await m.query<{ id: string; code: string }[]>(
      'SELECT id, code FROM park WHERE code = ANY($1) AND ($2::uuid[] IS NULL OR id = ANY($2))',
      [codes, parkScope(actor)],
    );
    const missing = codes.filter((c) => !rows.some((r) => r.code === c));
    if (missing.length) throw new NotFoundError('Park', missing.join(', '));
    return rows.map((r) => r.id);
  }

  private async setParks(m: EntityManager, userId: string, parkIds: string[]): Promise<void> {
    await m.query('DELETE FROM app_user_park WHERE user_id = $1', [userId]);
    if (parkIds.length) {
      await m.query('INSERT INTO app_user_park (user_id, park_id) SELECT $1, unnest($2::uuid[])', [
        userId,
        parkIds,
      ]);
    }
  }
}

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  all_parks: boolean;
  kind: ApiKeyKind;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  park_codes: string[];
  park_ids: string[];
}

const API_KEY_SELECT = `SELECT k.id, k.name, k.prefix, k.all_parks, k.kind, k.created_at, k.last_used_at, k.revoked_at,
  ARRAY(SELECT p.code FROM api_key_park kp JOIN park p ON p.id = kp.park_id WHERE kp.api_key_id = k.id ORDER BY p.code) AS park_codes
  FROM api_key k`;

const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  allParks: r.all_parks,
  kind: r.kind,
  parkCodes: r.park_codes,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

const toAuditEntry = (r: AuditRow): AuditEntry => ({
  id: String(r.id),
  occurredAt: r.occurred_at,
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  actorName: r.actor_name,
  operation: r.operation,
  entityType: r.entity_type,
  entityId: r.entity_id,
  changes: r.changes,
  requestId: r.request_id,
  reason: r.reason,
});

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_kind: ActorKind;
  actor_id: string | null;
  actor_name: string;
  operation: string;
  entity_type: string;
  entity_id: string;
  changes: { field: string; before: unknown; after: unknown }[];
  request_id: string | null;
  reason: string | null;
}
