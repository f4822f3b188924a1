import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { registerContractNodes } from './contract.nodes';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';
import { OccupancyModule } from '../occupancy/occupancy.module';
import { TenanciesModule } from '../tenancies/tenancies.module';
import { TenancyHooks } from '../tenancies/tenancy-hooks';
import { ContractFieldsResolver } from './contract-fields.resolver';
import {
  EnterpriseContractsResolver,
  ParkOverviewRentResolver,
  TenancyContractResolver,
} from './contract-links.resolver';
import { ContractWritesService } from './contract-writes.service';
import { createContractLoaders } from './contracts.loaders';
import { ContractsResolver } from './contracts.resolver';
import { ContractsService } from './contracts.service';
import { PaymentsService } from './payments.service';
import { RentFiguresService } from './rent-figures.service';
import { ScheduleService } from './schedule.service';
import './rent.measures';

/** Lease contracts and rent: versions, incentive policies, rent schedules, payments, deposits and rent figures. */
@Module({
  imports: [OccupancyModule, TenanciesModule],
  providers: [
    ContractsService,
    ContractWritesService,
    ScheduleService,
    PaymentsService,
    RentFiguresService,
    ContractsResolver,
    ContractFieldsResolver,
    TenancyContractResolver,
    EnterpriseContractsResolver,
    ParkOverviewRentResolver,
  ],
  exports: [ScheduleService],
})
export class ContractsModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly nodes: NodeRegistry,
    @InjectDataSource() private readonly db: DataSource,
    private readonly contracts: ContractsService,
    private readonly figures: RentFiguresService,
    private readonly hooks: TenancyHooks,
    private readonly schedule: ScheduleService,
  ) {}

  onModuleInit(): void {
    this.registry.register('contracts', () => createContractLoaders(this.contracts, this.figures));
    registerContractNodes(this.nodes, this.db, this.contracts);
    // The rent-free period starts on the FITTING_OUT date the tenancy records: follow its changes.
    this.hooks.register((m, tenancyId) => this.schedule.onTenancyChanged(m, tenancyId));
  }
}
