import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ConnectionType } from '../../common/pagination/connection';
import { ADMINS, ANY_USER, API_KEY, OwnRecord, PartOfParent, Public, ReadableBy } from './access.decorators';
import { ActorKind, ApiKeyKind, Role } from './access.enums';

@ReadableBy(...ADMINS)
@ObjectType({ implements: () => [Node], description: 'A person who signs in.' })
export class User {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Login name (lower case).' })
  username: string;

  @Field({ description: 'Name shown to people.' })
  displayName: string;

  @Field(() => [Role], { description: 'What the user may do.' })
  roles: Role[];

  @Field({ description: 'Acts in every park (otherwise only in parkCodes).' })
  allParks: boolean;

  @Field(() => [String], { description: 'Codes of the parks the user may act in (empty when allParks).' })
  parkCodes: string[];

  @Field({ description: 'Disabled users cannot sign in and their tokens are refused.' })
  disabled: boolean;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in.' })
  lastLoginAt: Date | null;

  @Field({ description: 'A demo account with a published password.' })
  demo: boolean;

  @Field(() => Int, { description: 'Edit version; pass it back to updateUser.' })
  version: number;
}

@Public()
@ObjectType({ description: 'An access token for `Authorization: Bearer …`.' })
export class LoginResult {
  @Field({ description: 'The signed token (JWT).' })
  accessToken: string;

  @Field(() => Date, { description: 'When the token stops working; sign in again then.' })
  expiresAt: Date;

  @Field(() => User, { description: 'Who signed in.' })
  @OwnRecord()
  user: User;
}

@ReadableBy(ANY_USER, API_KEY)
@ObjectType({ description: 'The caller: a user or an API key.' })
export class Me {
  @Field(() => ActorKind, { description: 'USER or API_KEY.' })
  kind: ActorKind;

  @Field(() => ID, { description: 'User or API key id.' })
  id: string;

  @Field({ description: 'Username or API key name.' })
  name: string;

  @Field(() => [Role], { description: 'Roles (empty for API keys, which are read-only).' })
  roles: Role[];

  @Field(() => [String], { nullable: true, description: 'Park codes in scope; null means every park.' })
  parkCodes: string[] | null;
}

@ReadableBy(...ADMINS)
@ObjectType({
  implements: () => [Node],
  description: 'A read-only API key for a report client. The secret is shown once, at creation.',
})
export class ApiKey {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'What the key is for, e.g. "press dashboard".' })
  name: string;

  @Field({ description: 'Public part of the key (the text before the dot).' })
  prefix: string;

  @Field({ description: 'Reads every park (otherwise only parkCodes).' })
  allParks: boolean;

  @Field(() => ApiKeyKind, {
    description: 'READ (report clients) or MACHINE_GATEWAY (shop-floor events only).',
  })
  kind: ApiKeyKind;

  @Field(() => [String], { description: 'Codes of the parks the key may read.' })
  parkCodes: string[];

  @Field(() => Date, { description: 'When the key was made.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the key was last used.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the key was revoked; revoked keys are refused.' })
  revokedAt: Date | null;
}

@ReadableBy(...ADMINS)
@ObjectType({ description: 'A new API key with its secret: store it now, it cannot be shown again.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key.' })
  apiKey: ApiKey;

  @Field({ description: 'Send as `Authorization: ApiKey <secret>`.' })
  secret: string;
}

@PartOfParent()
@ObjectType({ description: 'One changed field in an audit entry.' })
export class AuditChange {
  @Field({ description: 'Name of the changed field as the API spells it (camelCase, e.g. floorArea).' })
  field: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Value before the change (null on create).' })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Value after the change.' })
  after: unknown;
}

@ReadableBy(...ADMINS)
@ObjectType({
  implements: () => [Node],
  description: 'One change, recorded in the same transaction as the change itself.',
})
export class AuditEntry {
  @Field(() => ID, { description: 'Sequence number.' })
  id: string;

  @Field(() => Date, { description: 'When the change was committed.' })
  occurredAt: Date;

  @Field(() => ActorKind, { description: 'Who acted: a user, an API key or the system.' })
  actorKind: ActorKind;

  @Field(() => ID, { nullable: true, description: 'User or API key id.' })
  actorId: string | null;

  @Field({ description: 'Username, API key name or "system".' })
  actorName: string;

  @Field({ description: 'The mutation, e.g. "updateUnit".' })
  operation: string;

  @Field({ description: 'Kind of record, e.g. "Unit".' })
  entityType: string;

  @Field(() => ID, { description: 'Global id of the record (what its own `id` answers).' })
  entityId: string;

  @Field(() => [AuditChange], { description: 'Changed fields with before and after values.' })
  changes: AuditChange[];

  @Field(() => String, { nullable: true, description: 'Request id (also in the server log).' })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given, if any.' })
  reason: string | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry');
