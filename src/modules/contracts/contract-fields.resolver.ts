import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Enterprise } from '../enterprises/enterprise.model';
import { enterpriseLoaders } from '../enterprises/enterprises.loaders';
import { Tenancy } from '../tenancies/tenancy.models';
import {
  Bill,
  Contract,
  ContractBalance,
  ContractVersion,
  DepositEvent,
  IncentivePolicy,
  Payment,
} from './contract.models';
import { contractLoaders } from './contracts.loaders';

/** Contract relations, each through a per-request loader: a list of contracts costs one statement per field. */
@Resolver(() => Contract)
export class ContractFieldsResolver {
  @ResolveField(() => Enterprise, { nullable: true, description: 'The tenant enterprise.' })
  enterprise(@Parent() c: Contract, @Context() ctx: GraphQLContext): Promise<Enterprise | null> {
    return enterpriseLoaders(ctx).enterprise.load(c.enterpriseId);
  }

  @ResolveField(() => [Tenancy], { description: 'The tenancies (units) the contract covers, by unit code.' })
  tenancies(@Parent() c: Contract, @Context() ctx: GraphQLContext): Promise<Tenancy[]> {
    return contractLoaders(ctx).tenancies.load(c.id);
  }

  @ResolveField(() => [ContractVersion], { description: 'Every version of the terms, the original first.' })
  versions(@Parent() c: Contract, @Context() ctx: GraphQLContext): Promise<ContractVersion[]> {
    return contractLoaders(ctx).versions.load(c.id);
  }

  @ResolveField(() => [IncentivePolicy], { description: 'Incentive policies applied to the contract.' })
  incentives(@Parent() c: Contract, @Context() ctx: GraphQLContext): Promise<IncentivePolicy[]> {
    return contractLoaders(ctx).incentives.load(c.id);
  }

  @ResolveField(() => [Bill], { description: 'The rent schedule: every bill, by period.' })
  schedule(@Parent() c: Contract, @Context() ctx: GraphQLContext): Promise<Bill[]> {
    return contractLoaders(ctx).bills.load(c.id);
  }

  @ResolveField(() => [Payment], { description: 'Payments received, oldest first.' })
  payments(@Parent() c: Contract, @Context() ctx: GraphQLContext): Promise<Payment[]> {
    return contractLoaders(ctx).payments.load(c.id);
  }

  @ResolveField(() => [DepositEvent], { description: 'Deposit movements, oldest first.' })
  depositEvents(@Parent() c: Contract, @Context() ctx: GraphQLContext): Promise<DepositEvent[]> {
    return contractLoaders(ctx).depositEvents.load(c.id);
  }

  @ResolveField(() => ContractBalance, { description: 'What the contract owes on a date.' })
  balance(
    @Parent() c: Contract,
    @Context() ctx: GraphQLContext,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: 'The date (default: the contract’s asOf).',
    })
    asOf?: string,
  ): Promise<ContractBalance> {
    return contractLoaders(ctx).balance.load({ group: asOf ?? c.asOf, id: c.id });
  }
}
