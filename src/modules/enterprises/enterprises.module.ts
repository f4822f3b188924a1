import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';
import { createEnterpriseLoaders } from './enterprises.loaders';
import { EnterprisesResolver } from './enterprises.resolver';
import { EnterprisesService } from './enterprises.service';
import './enterprise.import';

/** Tenant enterprises. */
@Module({ providers: [EnterprisesService, EnterprisesResolver], exports: [EnterprisesService] })
export class EnterprisesModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly enterprises: EnterprisesService,
  ) {}

  onModuleInit(): void {
    this.registry.register('enterprises', () => createEnterpriseLoaders(this.enterprises));
  }
}
