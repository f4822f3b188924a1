import { Extensions } from '@nestjs/graphql';
import { Role } from './access.enums';
import { PersonalDataKind } from './personal-data';

/** Anyone holding a read-only API key. */
export const API_KEY = 'API_KEY';
/** A MACHINE_GATEWAY API key (bound to one park): allowed only where listed, never by API_KEY. */
export const MACHINE_GATEWAY = 'MACHINE_GATEWAY';
/** Any signed-in user, whatever their roles. */
export const ANY_USER = 'ANY_USER';
export type Grant = Role | typeof API_KEY | typeof MACHINE_GATEWAY | typeof ANY_USER;

/**
 * Who may reach a root operation, an object type or a field. Kept in the GraphQL schema's `extensions.access` (by
 * @nestjs/graphql's @Extensions), so that one walk over a request's selections can read every rule: see
 * access-plan.ts.
 * - `public`: anyone, signed in or not;
 * - `grants`: the roles (and API keys, ANY_USER) listed;
 * - `parent`: the type has no data of its own (a connection, an edge, page info, a rate): whoever may read the
 *   field that reaches it may read it.
 */
export type AccessRule =
  { kind: 'public' } | { kind: 'parent' } | { kind: 'grants'; grants: readonly Grant[] };

/** What the decorators below write into a type's or field's GraphQL extensions. */
export interface AccessExtensions {
  access?: AccessRule;
  /** The field returns the caller's own record: the rule of its type does not apply there (see OwnRecord). */
  ownRecord?: boolean;
  /**
   * The field returns objects of many types (node, nodes) and checks the rule of each object's type itself as it
   * answers (null where the caller may not read it): the plan does not refuse the request for those types.
   */
  typeRuleAtRunTime?: boolean;
  /** The field holds personal data of this kind, masked for callers not allowed it (personal-data.ts). */
  personalData?: PersonalDataKind;
}

const rule = (access: AccessRule) => Extensions({ access } satisfies AccessExtensions);

/** Anyone may call this operation, or read this type, signed in or not. */
export const Public = () => rule({ kind: 'public' });

/** Root operations: only these roles (and API keys, when listed) may call this query or mutation. */
export const Allow = (...grants: Grant[]) => rule({ kind: 'grants', grants });

/**
 * Object types, and fields that need more than their type: only these may read objects of this type (or this field),
 * whatever path of the query reaches them. Every object type declares a rule; one without is refused.
 */
export const ReadableBy = (...grants: Grant[]) => rule({ kind: 'grants', grants });

/** A type without data of its own (connection, edge, page info, a rate): readable wherever its parent is. */
export const PartOfParent = () => rule({ kind: 'parent' });

/**
 * The field only ever returns the caller's own record (the user who just signed in, or changed their password), so
 * the rule of its type (User: ADMIN) does not apply at this field. The field's own rule, or its operation's, still
 * does.
 */
export const OwnRecord = () => Extensions({ ownRecord: true } satisfies AccessExtensions);

/** The field checks its objects' type rules as it answers (see AccessExtensions.typeRuleAtRunTime). */
export const TypeRuleAtRunTime = () => Extensions({ typeRuleAtRunTime: true } satisfies AccessExtensions);

/** The field holds personal data: shown in full only to the roles allowed it, masked for everyone else. */
export const PersonalData = (kind: PersonalDataKind) =>
  Extensions({ personalData: kind } satisfies AccessExtensions);

// The policy, by what is read or written. README "Accounts, roles and park scoping" describes it in words.

/** Parks, zones, units, enterprises and the park figures: every role and read-only API keys. */
export const PARK_READERS: Grant[] = [
  Role.ADMIN,
  Role.LEASING,
  Role.ANALYST,
  Role.RECRUITER,
  Role.FINANCE,
  API_KEY,
];
/** Tenancies and their stage history (who holds which unit): not recruiters. */
export const TENANCY_READERS: Grant[] = [Role.ADMIN, Role.LEASING, Role.ANALYST, Role.FINANCE, API_KEY];
/** Who may change zones, units, enterprises and tenancies. */
export const LEASING_WRITERS: Grant[] = [Role.ADMIN, Role.LEASING];
/** Machines and their figures: every role and read-only API keys (the park readers). */
export const MACHINE_READERS: Grant[] = PARK_READERS;
/** Who may report shop-floor events: leasing writers and machine gateways. */
export const MACHINE_REPORTERS: Grant[] = [...LEASING_WRITERS, MACHINE_GATEWAY];
/** Who may change the talent pipeline (programs, cohorts, trainees, certifications, contests, targets). */
export const TALENT_WRITERS: Grant[] = [Role.ADMIN, Role.RECRUITER];
/** Trainees, cohorts, certifications and contests (people): recruiters and admins, analysts with personal data masked. */
export const TALENT_READERS: Grant[] = [Role.ADMIN, Role.RECRUITER, Role.ANALYST];
/** Partner institutions, agreements, obligations, recruitment events, leads and their figures: every role and read keys. */
export const PARTNER_READERS: Grant[] = PARK_READERS;
/** Who may change partner institutions (issue 11: recruiters keep the partner register; admins too). */
export const INSTITUTION_WRITERS: Grant[] = [Role.ADMIN, Role.RECRUITER];
/** Who may change agreements, obligations, recruitment events and leads (and convert a lead into a lease). */
export const PARTNER_WRITERS: Grant[] = [Role.ADMIN, Role.LEASING];
/** Contracts, bills, payments, deposits and rent figures: not recruiters. */
export const FINANCE_READERS: Grant[] = [Role.ADMIN, Role.LEASING, Role.FINANCE, Role.ANALYST, API_KEY];
/** Who may write contracts, amendments, terminations and incentive policies. */
export const CONTRACT_WRITERS: Grant[] = [Role.ADMIN, Role.LEASING];
/** Who may record payments and deposit movements. */
export const PAYMENT_WRITERS: Grant[] = [Role.ADMIN, Role.FINANCE];
/** Users, API keys and the audit log. */
export const ADMINS: Grant[] = [Role.ADMIN];
