import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { registerTenancyNodes } from './tenancy.nodes';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';
import { createTenancyLoaders } from './tenancies.loaders';
import { TenanciesResolver } from './tenancies.resolver';
import { TenanciesService } from './tenancies.service';
import { LeaseKeys } from './lease-keys';
import './tenancy.import';
import { TenancyHooks } from './tenancy-hooks';
import {
  EnterpriseTenancyFieldsResolver,
  TenancyFieldsResolver,
  UnitTenancyFieldsResolver,
} from './tenancy-fields.resolver';

/** Tenancies: leasing units and following them from reservation to opening and end. */
@Module({
  providers: [
    TenanciesService,
    TenancyHooks,
    LeaseKeys,
    TenanciesResolver,
    TenancyFieldsResolver,
    UnitTenancyFieldsResolver,
    EnterpriseTenancyFieldsResolver,
  ],
  exports: [TenanciesService, LeaseKeys, TenancyHooks],
})
export class TenanciesModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly nodes: NodeRegistry,
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenancies: TenanciesService,
  ) {}

  onModuleInit(): void {
    this.registry.register('tenancies', () => createTenancyLoaders(this.tenancies));
    registerTenancyNodes(this.nodes, this.db, this.tenancies);
  }
}
