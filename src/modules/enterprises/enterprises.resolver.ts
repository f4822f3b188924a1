import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import { CreateEnterpriseInput, UpdateEnterpriseInput } from './dto/enterprise.inputs';
import { EnterpriseListArgs } from './dto/enterprise-list.args';
import { Enterprise, EnterpriseConnection } from './enterprise.model';
import { EnterprisesService } from './enterprises.service';
import { Allow, LEASING_WRITERS, PARK_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';

@Resolver(() => Enterprise)
export class EnterprisesResolver {
  constructor(private readonly service: EnterprisesService) {}

  @Query(() => EnterpriseConnection, {
    description: 'Enterprises: filtered, sorted and paged, as of a date.',
  })
  @Allow(...PARK_READERS)
  enterprises(
    @CurrentActor() actor: Actor,
    @Args() args: EnterpriseListArgs,
  ): Promise<Connection<Enterprise>> {
    return this.service.list(actor, args);
  }

  @Query(() => Enterprise, {
    nullable: true,
    description: 'One enterprise by id; null when there is none or it is outside your parks.',
  })
  @Allow(...PARK_READERS)
  enterprise(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Enterprise id.' }) id: string,
  ): Promise<Enterprise | null> {
    return this.service.find(actor, id);
  }

  @Mutation(() => Enterprise, { description: 'Register an enterprise.' })
  @Allow(...LEASING_WRITERS)
  createEnterprise(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: CreateEnterpriseInput,
  ): Promise<Enterprise> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Enterprise, { description: 'Change an enterprise (optimistic concurrency on version).' })
  @Allow(...LEASING_WRITERS)
  updateEnterprise(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: UpdateEnterpriseInput,
  ): Promise<Enterprise> {
    return this.service.update(actor, input);
  }
}
