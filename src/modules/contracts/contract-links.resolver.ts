import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { DateScalar, today } from '../../graphql/scalars/date.scalar';
import { Enterprise } from '../enterprises/enterprise.model';
import { ParkOverview } from '../occupancy/occupancy.models';
import { Tenancy } from '../tenancies/tenancy.models';
import { Contract } from './contract.models';
import { contractLoaders } from './contracts.loaders';
import { ParkRent } from './figures.models';
import { rentKey } from './rent-figures.service';

const AS_OF = {
  type: () => DateScalar,
  nullable: true,
  description: 'Terms and status as of this date (default: the list’s asOf, else today).',
};

/** Contracts seen from the types of other modules: tenancies, enterprises and the park overview. */
@Resolver(() => Tenancy)
export class TenancyContractResolver {
  @ResolveField(() => Contract, {
    nullable: true,
    description: 'The lease contract covering this tenancy, if any.',
  })
  contract(
    @Parent() t: Tenancy,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<Contract | null> {
    return contractLoaders(ctx).ofTenancy.load({ group: asOf ?? t.asOf ?? today(), id: t.id });
  }

  @ResolveField(() => Contract, {
    nullable: true,
    description:
      'For an ended (or ending) tenancy: its contract when that still runs past the tenancy’s end and is not terminated. Terminate it with terminateContract (on the tenancy’s end date); endTenancy { contractToTerminate { number } } reports it.',
  })
  contractToTerminate(@Parent() t: Tenancy, @Context() ctx: GraphQLContext): Promise<Contract | null> {
    if (!t.endsOn) return Promise.resolve(null);
    return contractLoaders(ctx).toTerminate.load(t.id);
  }
}

@Resolver(() => Enterprise)
export class EnterpriseContractsResolver {
  @ResolveField(() => [Contract], { description: 'The enterprise’s lease contracts, by number.' })
  contracts(
    @Parent() e: Enterprise,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<Contract[]> {
    return contractLoaders(ctx).ofEnterprise.load({ group: asOf ?? e.asOf ?? today(), id: e.id });
  }
}

@Resolver(() => ParkOverview)
export class ParkOverviewRentResolver {
  @ResolveField(() => ParkRent, { description: 'Rent figures of the scope on asOf (finance readers only).' })
  rent(@Parent() o: ParkOverview, @Context() ctx: GraphQLContext): Promise<ParkRent> {
    return contractLoaders(ctx).parkRent.load(rentKey({ parkId: o.parkId, zoneId: o.zoneId, asOf: o.asOf }));
  }
}
