import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { DateScalar, today } from '../../graphql/scalars/date.scalar';
import { Enterprise } from '../enterprises/enterprise.model';
import { ParkOverview } from '../occupancy/occupancy.models';
import { Unit } from '../space/space.models';
import { Tenancy } from '../tenancies/tenancy.models';
import { MachineStatus } from './machine.enums';
import { figureKey } from './machine-figures.service';
import { Machine, MachineStatusCount } from './machine.models';
import { machineLoaders } from './machines.loaders';

const AS_OF = {
  type: () => DateScalar,
  nullable: true,
  description: 'The date asked about (default: the list’s asOf, else today).',
};

/** Machines seen from the types of other modules: enterprises, units, tenancies and the park overview. */
@Resolver(() => Enterprise)
export class EnterpriseMachinesResolver {
  @ResolveField(() => [Machine], {
    description: 'Machines the enterprise owns, placed or not, by serial number.',
  })
  machines(
    @Parent() e: Enterprise,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<Machine[]> {
    return machineLoaders(ctx).ofOwner.load({ group: asOf ?? e.asOf ?? today(), id: e.id });
  }
}

@Resolver(() => Unit)
export class UnitMachinesResolver {
  @ResolveField(() => [Machine], {
    description: 'Machines standing in the unit on the date, by serial number.',
  })
  machines(
    @Parent() u: Unit,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<Machine[]> {
    return machineLoaders(ctx).inUnitOn.load({ group: asOf ?? u.asOf ?? today(), id: u.id });
  }
}

@Resolver(() => Tenancy)
export class TenancyMachinesResolver {
  @ResolveField(() => [Machine], {
    description:
      'For an ended (or ending) tenancy: machines of the enterprise still standing in the unit on or after the end date. They must be moved or removed; see strandedMachines.',
  })
  strandedMachines(@Parent() t: Tenancy, @Context() ctx: GraphQLContext): Promise<Machine[]> {
    if (!t.endsOn) return Promise.resolve([]);
    return machineLoaders(ctx).strandedOfTenancy.load(t.id);
  }
}

@Resolver(() => ParkOverview)
export class ParkOverviewMachinesResolver {
  @ResolveField(() => Int, {
    description:
      'Machines standing in a unit of the scope on asOf and not DECOMMISSIONED at the end of that day.',
  })
  async installedMachines(@Parent() o: ParkOverview, @Context() ctx: GraphQLContext): Promise<number> {
    const counts = await machineLoaders(ctx).statusCounts.load(figureKey(o));
    return counts.filter((c) => c.status !== MachineStatus.DECOMMISSIONED).reduce((n, c) => n + c.count, 0);
  }

  @ResolveField(() => [MachineStatusCount], {
    description:
      'Machines standing in a unit of the scope on asOf, counted by status at the end of that day (DECOMMISSIONED ones that still stand there included).',
  })
  machinesByStatus(@Parent() o: ParkOverview, @Context() ctx: GraphQLContext): Promise<MachineStatusCount[]> {
    return machineLoaders(ctx).statusCounts.load(figureKey(o));
  }
}
