import { NodeRegistry, parkScoped } from '../../graphql/node/node-registry';
import { createEnterpriseLoaders, enterpriseLoaders } from './enterprises.loaders';
import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';

import { EnterprisesResolver } from './enterprises.resolver';
import { EnterprisesService } from './enterprises.service';
import './enterprise.import';

/** Tenant enterprises. */
@Module({ providers: [EnterprisesService, EnterprisesResolver], exports: [EnterprisesService] })
export class EnterprisesModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly nodes: NodeRegistry,
    private readonly enterprises: EnterprisesService,
  ) {}

  onModuleInit(): void {
    this.registry.register('enterprises', () => createEnterpriseLoaders(this.enterprises));
    this.nodes.register(
      'Enterprise',
      parkScoped(
        (id, ctx) => enterpriseLoaders(ctx).enterprise.load(id),
        (e) => e.parkId,
      ),
    );
  }
}
