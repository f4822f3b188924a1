import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { groupedLoader } from '../../graphql/grouped-loader';
import { MachineFiguresService } from './machine-figures.service';
import {
  Machine,
  MachinePlacement,
  MachineStatusCount,
  MachineStatusEvent,
  MaintenancePlan,
  MaintenanceRecord,
} from './machine.models';
import { MachinesService } from './machines.service';

export function createMachineLoaders(machines: MachinesService, figures: MachineFiguresService) {
  return {
    machine: new DataLoader<string, Machine | null>((ids) => machines.byIds(ids)),
    /** The group is the date the machines are asked about. */
    ofOwner: groupedLoader<Machine[]>((ids, asOf) => machines.byOwnerIds(ids, asOf)),
    /** Machines standing in a unit; the group is the date. */
    inUnitOn: groupedLoader<Machine[]>((ids, date) => machines.placedInUnitsOn(ids, date)),
    /** The unit id a machine stands in; the group is the date. */
    unitIdOn: groupedLoader<string | null>((ids, date) => machines.unitIdsOn(ids, date)),
    placements: new DataLoader<string, MachinePlacement[]>((ids) => machines.placementsOf(ids)),
    /** Latest status event at or before an instant; the group is the instant. */
    statusAt: groupedLoader<MachineStatusEvent | null>((ids, at) => machines.statusEventsAt(ids, at)),
    meterAt: groupedLoader<number | null>((ids, at) => machines.metersAt(ids, at)),
    plans: new DataLoader<string, MaintenancePlan[]>((ids) => machines.plansOf(ids)),
    records: new DataLoader<string, MaintenanceRecord[]>((ids) => machines.recordsOf(ids)),
    strandedOfTenancy: new DataLoader<string, Machine[]>((ids) => machines.strandedByTenancies(ids)),
    /** ParkOverview machine counts; the key is figureKey(scope). */
    statusCounts: new DataLoader<string, MachineStatusCount[]>((keys) => figures.statusCounts(keys)),
  };
}

export type MachineLoaders = ReturnType<typeof createMachineLoaders>;

export const machineLoaders = (ctx: GraphQLContext): MachineLoaders => ctx.loaders.machines as MachineLoaders;
