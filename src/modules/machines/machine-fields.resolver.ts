import { Args, Context, Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Enterprise } from '../enterprises/enterprise.model';
import { enterpriseLoaders } from '../enterprises/enterprises.loaders';
import { spaceLoaders } from '../space/space.loaders';
import { Unit, Zone } from '../space/space.models';
import { MachineStatus } from './machine.enums';
import {
  Machine,
  MachinePlacement,
  MachineStats,
  MachineStatusEvent,
  MaintenanceDue,
  MaintenancePlan,
  MaintenanceRecord,
} from './machine.models';
import { endOfParkDay } from './machine-time';
import { machineLoaders } from './machines.loaders';
import { today } from '../../graphql/scalars/date.scalar';

const AT = {
  type: () => Date,
  nullable: true,
  description: 'The instant asked about (default: the end of the list’s asOf day, else now).',
};
const AS_OF = {
  type: () => DateScalar,
  nullable: true,
  description: 'The date asked about (default: the list’s asOf, else today).',
};

/** The instant a field is asked about, as a timestamptz literal (one loader group per distinct instant). */
function instantOf(machine: Machine, at?: Date | null): string {
  if (at) return at.toISOString();
  return machine.asOf ? endOfParkDay(machine.asOf) : new Date().toISOString();
}

@Resolver(() => Machine)
export class MachineFieldsResolver {
  @ResolveField(() => Enterprise, { description: 'The owner enterprise.' })
  async owner(@Parent() m: Machine, @Context() ctx: GraphQLContext): Promise<Enterprise> {
    return (await enterpriseLoaders(ctx).enterprise.load(m.ownerEnterpriseId))!;
  }

  @ResolveField(() => Unit, {
    nullable: true,
    description: 'The unit the machine stands in on the date; null if none.',
  })
  async unit(
    @Parent() m: Machine,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<Unit | null> {
    const date = asOf ?? m.asOf ?? today();
    const unitId = await machineLoaders(ctx).unitIdOn.load({ group: date, id: m.id });
    if (!unitId) return null;
    const unit = await spaceLoaders(ctx).unit.load(unitId);
    return unit ? { ...unit, asOf: date } : null;
  }

  @ResolveField(() => [MachinePlacement], { description: 'Where the machine has stood, oldest first.' })
  placements(@Parent() m: Machine, @Context() ctx: GraphQLContext): Promise<MachinePlacement[]> {
    return machineLoaders(ctx).placements.load(m.id);
  }

  @ResolveField(() => MachineStatus, {
    nullable: true,
    description:
      'Status at the instant: the latest status event at or before it; null before the first report.',
  })
  async status(
    @Parent() m: Machine,
    @Context() ctx: GraphQLContext,
    @Args('at', AT) at?: Date | null,
  ): Promise<MachineStatus | null> {
    const event = await machineLoaders(ctx).statusAt.load({ group: instantOf(m, at), id: m.id });
    return event?.status ?? null;
  }

  @ResolveField(() => MachineStatusEvent, {
    nullable: true,
    description: 'The status event in force at the instant (with reason code and since when).',
  })
  statusEvent(
    @Parent() m: Machine,
    @Context() ctx: GraphQLContext,
    @Args('at', AT) at?: Date | null,
  ): Promise<MachineStatusEvent | null> {
    return machineLoaders(ctx).statusAt.load({ group: instantOf(m, at), id: m.id });
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Runtime-hour meter at the instant (its latest reading at or before it).',
  })
  meterHours(
    @Parent() m: Machine,
    @Context() ctx: GraphQLContext,
    @Args('at', AT) at?: Date | null,
  ): Promise<number | null> {
    return machineLoaders(ctx).meterAt.load({ group: instantOf(m, at), id: m.id });
  }

  @ResolveField(() => [MaintenancePlan], { description: 'Maintenance plans of the machine.' })
  maintenancePlans(@Parent() m: Machine, @Context() ctx: GraphQLContext): Promise<MaintenancePlan[]> {
    return machineLoaders(ctx).plans.load(m.id);
  }

  @ResolveField(() => [MaintenanceRecord], { description: 'Maintenance done on the machine, newest first.' })
  maintenanceRecords(@Parent() m: Machine, @Context() ctx: GraphQLContext): Promise<MaintenanceRecord[]> {
    return machineLoaders(ctx).records.load(m.id);
  }
}

@Resolver(() => MachinePlacement)
export class MachinePlacementFieldsResolver {
  @ResolveField(() => Unit, { description: 'The unit.' })
  async unit(@Parent() p: MachinePlacement, @Context() ctx: GraphQLContext): Promise<Unit> {
    return (await spaceLoaders(ctx).unit.load(p.unitId))!;
  }

  @ResolveField(() => Machine, { description: 'The machine.' })
  async machine(@Parent() p: MachinePlacement, @Context() ctx: GraphQLContext): Promise<Machine> {
    return (await machineLoaders(ctx).machine.load(p.machineId))!;
  }
}

@Resolver(() => MachineStats)
export class MachineStatsFieldsResolver {
  @ResolveField(() => Enterprise, {
    nullable: true,
    description: 'The owner enterprise, when grouped by ENTERPRISE.',
  })
  async enterprise(@Parent() s: MachineStats, @Context() ctx: GraphQLContext): Promise<Enterprise | null> {
    return s.enterpriseId ? enterpriseLoaders(ctx).enterprise.load(s.enterpriseId) : null;
  }

  @ResolveField(() => Zone, { nullable: true, description: 'The zone, when grouped by ZONE.' })
  async zone(@Parent() s: MachineStats, @Context() ctx: GraphQLContext): Promise<Zone | null> {
    return s.zoneId ? spaceLoaders(ctx).zone.load(s.zoneId) : null;
  }
}

@Resolver(() => MaintenanceDue)
export class MaintenanceDueFieldsResolver {
  @ResolveField(() => Machine, { description: 'The machine.' })
  async machine(@Parent() d: MaintenanceDue, @Context() ctx: GraphQLContext): Promise<Machine> {
    const machine = (await machineLoaders(ctx).machine.load(d.machineId))!;
    return { ...machine, asOf: d.asOf };
  }
}
