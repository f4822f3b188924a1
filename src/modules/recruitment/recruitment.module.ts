import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { registerRecruitmentNodes } from './recruitment.nodes';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';
import { TenanciesModule } from '../tenancies/tenancies.module';
import { EventsService } from './events.service';
import { FunnelService } from './funnel.service';
import { LeadsService } from './leads.service';
import { LeadFieldsResolver, ParkOverviewRecruitmentResolver } from './recruitment-fields.resolver';
import { createRecruitmentLoaders } from './recruitment.loaders';
import { RecruitmentResolver } from './recruitment.resolver';
import './recruitment.measures';

/** Tenant recruitment (招商): events, leads with their stage history, conversion into tenancies, the funnel. */
@Module({
  imports: [TenanciesModule],
  providers: [
    EventsService,
    LeadsService,
    FunnelService,
    RecruitmentResolver,
    LeadFieldsResolver,
    ParkOverviewRecruitmentResolver,
  ],
})
export class RecruitmentModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly nodes: NodeRegistry,
    @InjectDataSource() private readonly db: DataSource,
    private readonly leads: LeadsService,
    private readonly events: EventsService,
    private readonly funnel: FunnelService,
  ) {}

  onModuleInit(): void {
    this.registry.register('recruitment', () =>
      createRecruitmentLoaders(this.leads, this.events, this.funnel),
    );
    registerRecruitmentNodes(this.nodes, this.db, this.leads);
  }
}
