import { SetMetadata } from '@nestjs/common';
import { Role } from './access.enums';

/** Anyone holding a read-only API key. */
export const API_KEY = 'API_KEY';
/** A MACHINE_GATEWAY API key (bound to one park): allowed only where listed, never by API_KEY. */
export const MACHINE_GATEWAY = 'MACHINE_GATEWAY';
/** Any signed-in user, whatever their roles. */
export const ANY_USER = 'ANY_USER';
export type Grant = Role | typeof API_KEY | typeof MACHINE_GATEWAY | typeof ANY_USER;

export const ACCESS_RULE = 'access:rule';

/** The rule of one operation: public, or the grants that may call it. */
export type AccessRule = { public: true } | { public: false; grants: Grant[] };

/** Anyone may call this operation, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/** Only these roles (and API keys, when listed) may call this operation. */
export const Allow = (...grants: Grant[]) =>
  SetMetadata(ACCESS_RULE, { public: false, grants } satisfies AccessRule);

/** Who may read park data: everyone but recruiters, and read-only API keys. */
export const READERS: Grant[] = [Role.ADMIN, Role.LEASING, Role.ANALYST, API_KEY];
/** Who may change units, enterprises and tenancies. */
export const LEASING_WRITERS: Grant[] = [Role.ADMIN, Role.LEASING];
/** Who may read machines and their figures: every role and read-only API keys. */
export const MACHINE_READERS: Grant[] = [Role.ADMIN, Role.LEASING, Role.ANALYST, Role.RECRUITER, API_KEY];
/** Who may report shop-floor events: leasing writers and machine gateways. */
export const MACHINE_REPORTERS: Grant[] = [...LEASING_WRITERS, MACHINE_GATEWAY];
