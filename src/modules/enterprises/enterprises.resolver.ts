import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import { CreateEnterpriseInput, UpdateEnterpriseInput } from './dto/enterprise.inputs';
import { EnterpriseListArgs } from './dto/enterprise-list.args';
import { Enterprise, EnterpriseConnection } from './enterprise.model';
import { EnterprisesService } from './enterprises.service';

@Resolver(() => Enterprise)
export class EnterprisesResolver {
  constructor(private readonly service: EnterprisesService) {}

  @Query(() => EnterpriseConnection, {
    description: 'Enterprises: filtered, sorted and paged, as of a date.',
  })
  enterprises(@Args() args: EnterpriseListArgs): Promise<Connection<Enterprise>> {
    return this.service.list(args);
  }

  @Query(() => Enterprise, { nullable: true, description: 'One enterprise by id; null when there is none.' })
  async enterprise(
    @Args('id', { type: () => ID, description: 'Enterprise id.' }) id: string,
  ): Promise<Enterprise | null> {
    const [found] = await this.service.byIds([id]);
    return found ?? null;
  }

  @Mutation(() => Enterprise, { description: 'Register an enterprise.' })
  createEnterprise(@Args('input') input: CreateEnterpriseInput): Promise<Enterprise> {
    return this.service.create(input);
  }

  @Mutation(() => Enterprise, { description: 'Change an enterprise (optimistic concurrency on version).' })
  updateEnterprise(@Args('input') input: UpdateEnterpriseInput): Promise<Enterprise> {
    return this.service.update(input);
  }
}
