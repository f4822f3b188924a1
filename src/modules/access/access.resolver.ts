import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Connection } from '../../common/pagination/connection';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { ADMINS, Allow, ANY_USER, API_KEY, OwnRecord, Public } from './access.decorators';
import {
  ApiKey,
  AuditEntry,
  AuditEntryConnection,
  CreatedApiKey,
  LoginResult,
  Me,
  User,
} from './access.models';
import { AccessService } from './access.service';
import { CurrentActor } from './current-actor.decorator';
import { AuditLogArgs, CreateApiKeyInput, CreateUserInput, UpdateUserInput } from './dto/access.inputs';
import type { Actor } from './principal';
import { ArgsType, Field } from '@nestjs/graphql';

@ArgsType()
class LoginArgs {
  @Field({ description: 'Login name.' })
  @IsString()
  @MaxLength(200)
  username: string;

  @Field({ description: 'Password.' })
  @IsString()
  @MaxLength(200)
  password: string;
}

@ArgsType()
class ChangeMyPasswordArgs {
  @Field({ description: 'Your current password.' })
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @Field({ description: 'The new password (10–200 characters).' })
  @IsString()
  @MinLength(10, { message: 'newPassword must be 10 to 200 characters' })
  @MaxLength(200, { message: 'newPassword must be 10 to 200 characters' })
  newPassword: string;
}

@ArgsType()
class SetUserPasswordArgs {
  @Field(() => ID, { description: 'The user.' })
  @IsString()
  id: string;

  @Field({ description: 'The new password (10–200 characters).' })
  @IsString()
  @MinLength(10, { message: 'password must be 10 to 200 characters' })
  @MaxLength(200, { message: 'password must be 10 to 200 characters' })
  password: string;
}

@Resolver()
export class AccessResolver {
  constructor(private readonly access: AccessService) {}

  @Public()
  @Mutation(() => LoginResult, {
    description:
      'Sign in. The same error answers an unknown user and a wrong password; repeated failures are rate-limited.',
  })
  login(@Args() args: LoginArgs, @Context() ctx: GraphQLContext): Promise<LoginResult> {
    return this.access.login(args.username, args.password, ctx.request.ip);
  }

  @Allow(ANY_USER, API_KEY)
  @Query(() => Me, { description: 'Who you are: user or API key, roles and parks.' })
  me(@CurrentActor() actor: Actor): Promise<Me> {
    return this.access.me(actor);
  }

  @Allow(...ADMINS)
  @Query(() => [User], { description: 'Users of your parks.' })
  users(@CurrentActor() actor: Actor): Promise<User[]> {
    return this.access.listUsers(actor);
  }

  @Allow(...ADMINS)
  @Mutation(() => User, { description: 'Create a user in your parks.' })
  createUser(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: CreateUserInput,
  ): Promise<User> {
    return this.access.createUser(actor, input);
  }

  @Allow(...ADMINS)
  @Mutation(() => User, {
    description: "Change a user's name, roles or parks (optimistic concurrency on version).",
  })
  updateUser(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: UpdateUserInput,
  ): Promise<User> {
    return this.access.updateUser(actor, input);
  }

  @Allow(...ADMINS)
  @Mutation(() => User, { description: "Set a user's password; their existing tokens stop working." })
  setUserPassword(@CurrentActor() actor: Actor, @Args() args: SetUserPasswordArgs): Promise<User> {
    return this.access.setPassword(actor, args.id, args.password);
  }

  @Allow(ANY_USER)
  @OwnRecord()
  @Mutation(() => User, { description: 'Change your own password; your existing tokens stop working.' })
  changeMyPassword(@CurrentActor() actor: Actor, @Args() args: ChangeMyPasswordArgs): Promise<User> {
    return this.access.changeMyPassword(actor, args.currentPassword, args.newPassword);
  }

  @Allow(...ADMINS)
  @Mutation(() => User, { description: 'Disable a user: they cannot sign in and their tokens stop working.' })
  disableUser(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The user.' }) id: string,
  ): Promise<User> {
    return this.access.setDisabled(actor, id, true);
  }

  @Allow(...ADMINS)
  @Mutation(() => User, { description: 'Enable a disabled user again.' })
  enableUser(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The user.' }) id: string,
  ): Promise<User> {
    return this.access.setDisabled(actor, id, false);
  }

  @Allow(...ADMINS)
  @Query(() => [ApiKey], { description: 'API keys of your parks.' })
  apiKeys(@CurrentActor() actor: Actor): Promise<ApiKey[]> {
    return this.access.listApiKeys(actor);
  }

  @Allow(...ADMINS)
  @Mutation(() => CreatedApiKey, {
    description: 'Create a read-only API key; its secret is shown only in this answer.',
  })
  createApiKey(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: CreateApiKeyInput,
  ): Promise<CreatedApiKey> {
    return this.access.createApiKey(actor, input);
  }

  @Allow(...ADMINS)
  @Mutation(() => ApiKey, { description: 'Revoke an API key at once.' })
  revokeApiKey(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The key.' }) id: string,
  ): Promise<ApiKey> {
    return this.access.revokeApiKey(actor, id);
  }

  @Allow(...ADMINS)
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first.' })
  auditLog(@CurrentActor() actor: Actor, @Args() args: AuditLogArgs): Promise<Connection<AuditEntry>> {
    return this.access.auditLog(actor, args);
  }
}
