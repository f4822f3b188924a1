import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../../graphql/look-ahead';
import { jsonSelection } from '../../graphql/json-projection';
import { machineJson } from './machine.json-sql';
import { ArrayMaxSize, ArrayMinSize, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { Connection } from '../../common/pagination/connection';
import { today } from '../../graphql/scalars/date.scalar';
import { Allow, LEASING_WRITERS, MACHINE_READERS, MACHINE_REPORTERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { MachineEventInput, MAX_EVENTS_PER_CALL } from './dto/machine-events.input';
import { MachineStatsArgs, MaintenanceDueArgs, StrandedMachinesArgs } from './dto/machine-figures.args';
import { MachineListArgs } from './dto/machine-list.args';
import {
  InstallMachineInput,
  MoveMachineInput,
  RegisterMachineInput,
  RemoveMachineInput,
} from './dto/machine.inputs';
import { CreateMaintenancePlanInput, RecordMaintenanceInput } from './dto/maintenance.inputs';
import { ArgsType, Field } from '@nestjs/graphql';
import {
  Machine,
  MachineConnection,
  MachinePlacement,
  MachineStats,
  MaintenanceDue,
  MaintenancePlan,
  MaintenanceRecord,
  RecordMachineEventsResult,
} from './machine.models';
import { MachineEventsService } from './machine-events.service';
import { MachineFiguresService } from './machine-figures.service';
import { MachineRegistryService } from './machine-registry.service';
import { MachinesService } from './machines.service';
import { MaintenanceService } from './maintenance.service';
import { OccupancyService } from '../occupancy/occupancy.service';

const INPUT = { description: 'What to do; every field is described on the input type.' };

@ArgsType()
class RecordMachineEventsArgs {
  @Field(() => [MachineEventInput], { description: `Up to ${MAX_EVENTS_PER_CALL} events, in any order.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENTS_PER_CALL)
  @ValidateNested({ each: true })
  @Type(() => MachineEventInput)
  events: MachineEventInput[];
}

/** Machines: the register, placements, shop-floor events, maintenance and figures. Thin: one service call each. */
@Resolver(() => Machine)
export class MachinesResolver {
  constructor(
    private readonly service: MachinesService,
    private readonly registry: MachineRegistryService,
    private readonly events: MachineEventsService,
    private readonly figures: MachineFiguresService,
    private readonly maintenance: MaintenanceService,
    private readonly occupancy: OccupancyService,
  ) {}

  @Query(() => MachineConnection, { description: 'Machines, with places and statuses as of a date.' })
  @Allow(...MACHINE_READERS)
  machines(
    @CurrentActor() actor: Actor,
    @Args() args: MachineListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Machine>> {
    return this.service.list(actor, args, {
      nodes: jsonSelection(info, ['edges', 'node'], machineJson(args.asOf ?? today())),
      status: selects(info, ['edges', 'node', 'status']),
      unit: selects(info, ['edges', 'node', 'unit']),
      owner: selects(info, ['edges', 'node', 'owner']),
    });
  }

  @Query(() => Machine, {
    nullable: true,
    description: 'One machine by id; null when none or outside your parks.',
  })
  @Allow(...MACHINE_READERS)
  machine(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Machine id.' }) id: string,
  ): Promise<Machine | null> {
    return this.service.find(actor, id);
  }

  @Query(() => [Machine], {
    description: 'Machines standing, on asOf, in a unit their owner no longer holds: to be moved or removed.',
  })
  @Allow(...MACHINE_READERS)
  async strandedMachines(
    @CurrentActor() actor: Actor,
    @Args() args: StrandedMachinesArgs,
  ): Promise<Machine[]> {
    const scope = await this.occupancy.scope(actor, args.parkCode, args.zoneCode);
    return this.service.stranded(actor, scope.parkId, scope.zoneId, args.asOf ?? today());
  }

  @Query(() => [MaintenanceDue], {
    description:
      'Maintenance due or overdue on a date (by days or by runtime hours, whichever first), most overdue first.',
  })
  @Allow(...MACHINE_READERS)
  async maintenanceDue(
    @CurrentActor() actor: Actor,
    @Args() args: MaintenanceDueArgs,
  ): Promise<MaintenanceDue[]> {
    const scope = await this.occupancy.scope(actor, args.parkCode, args.zoneCode);
    return this.maintenance.due(
      scope.parkId,
      scope.zoneId,
      args.asOf ?? today(),
      args.withinDays ?? 0,
      args.withinHours ?? 0,
    );
  }

  @Query(() => [MachineStats], {
    description: 'Machine count, availability, unplanned downtime, MTBF and MTTR over a period, per group.',
  })
  @Allow(...MACHINE_READERS)
  async machineStats(@CurrentActor() actor: Actor, @Args() args: MachineStatsArgs): Promise<MachineStats[]> {
    const scope = await this.occupancy.scope(actor, args.parkCode, args.zoneCode);
    return this.figures.stats(scope.parkId, scope.zoneId, args.from, args.to, args.groupBy ?? []);
  }

  @Mutation(() => Machine, { description: 'Register a machine of an enterprise of the park.' })
  @Allow(...LEASING_WRITERS)
  registerMachine(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RegisterMachineInput,
  ): Promise<Machine> {
    return this.registry.register(actor, input);
  }

  @Mutation(() => MachinePlacement, {
    description:
      'Install a machine in a unit its owner holds on that date (BAD_USER_INPUT saying why otherwise).',
  })
  @Allow(...LEASING_WRITERS)
  installMachine(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: InstallMachineInput,
  ): Promise<MachinePlacement> {
    return this.registry.install(actor, input);
  }

  @Mutation(() => MachinePlacement, { description: 'Move a placed machine to another unit its owner holds.' })
  @Allow(...LEASING_WRITERS)
  moveMachine(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: MoveMachineInput,
  ): Promise<MachinePlacement> {
    return this.registry.move(actor, input);
  }

  @Mutation(() => MachinePlacement, {
    description: 'Take a machine out of its unit from a date; returns the closed placement.',
  })
  @Allow(...LEASING_WRITERS)
  removeMachine(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RemoveMachineInput,
  ): Promise<MachinePlacement> {
    return this.registry.remove(actor, input);
  }

  @Mutation(() => RecordMachineEventsResult, {
    description:
      'Report status changes and meter readings from the shop floor: up to 1,000 per call, written in one statement, idempotent, with a result per event.',
  })
  @Allow(...MACHINE_REPORTERS)
  recordMachineEvents(
    @CurrentActor() actor: Actor,
    @Args() args: RecordMachineEventsArgs,
  ): Promise<RecordMachineEventsResult> {
    return this.events.record(actor, args.events);
  }

  @Mutation(() => MaintenancePlan, { description: 'Add a maintenance plan to a machine.' })
  @Allow(...LEASING_WRITERS)
  createMaintenancePlan(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateMaintenancePlanInput,
  ): Promise<MaintenancePlan> {
    return this.maintenance.createPlan(actor, input);
  }

  @Mutation(() => MaintenanceRecord, { description: 'Record maintenance done on a machine.' })
  @Allow(...LEASING_WRITERS)
  recordMaintenance(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RecordMaintenanceInput,
  ): Promise<MaintenanceRecord> {
    return this.maintenance.record(actor, input);
  }
}
