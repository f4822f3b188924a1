import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { registerMachineNodes } from './machine.nodes';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';
import './machine.import';
import { OccupancyModule } from '../occupancy/occupancy.module';
import { MachineEventsService } from './machine-events.service';
import {
  MachineFieldsResolver,
  MachinePlacementFieldsResolver,
  MachineStatsFieldsResolver,
  MaintenanceDueFieldsResolver,
} from './machine-fields.resolver';
import { MachineFiguresService } from './machine-figures.service';
import {
  EnterpriseMachinesResolver,
  ParkOverviewMachinesResolver,
  TenancyMachinesResolver,
  UnitMachinesResolver,
} from './machine-links.resolver';
import { MachineRegistryService } from './machine-registry.service';
import { createMachineLoaders } from './machines.loaders';
import { MachinesResolver } from './machines.resolver';
// Registers this module's measures with the reports registry (figures, snapshots, published figures).
import './machine.measures';
import { MachinesService } from './machines.service';
import { MaintenanceService } from './maintenance.service';

/** Stone CNC machines: register, placement in units, shop-floor events, maintenance, machine figures. */
@Module({
  imports: [OccupancyModule],
  providers: [
    MachinesService,
    MachineRegistryService,
    MachineEventsService,
    MachineFiguresService,
    MaintenanceService,
    MachinesResolver,
    MachineFieldsResolver,
    MachinePlacementFieldsResolver,
    MachineStatsFieldsResolver,
    MaintenanceDueFieldsResolver,
    EnterpriseMachinesResolver,
    UnitMachinesResolver,
    TenancyMachinesResolver,
    ParkOverviewMachinesResolver,
  ],
})
export class MachinesModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly nodes: NodeRegistry,
    @InjectDataSource() private readonly db: DataSource,
    private readonly machines: MachinesService,
    private readonly figures: MachineFiguresService,
  ) {}

  onModuleInit(): void {
    this.registry.register('machines', () => createMachineLoaders(this.machines, this.figures));
    registerMachineNodes(this.nodes, this.db);
  }
}
