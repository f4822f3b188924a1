import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';
import { InstitutionsResolver } from './institutions.resolver';
import { InstitutionsService } from './institutions.service';
import { createPartnerLoaders } from './partners.loaders';

/** Partners: institutions (the partner register), agreements with their parties, renewals and obligations. */
@Module({
  providers: [InstitutionsService, InstitutionsResolver],
  exports: [InstitutionsService],
})
export class PartnersModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly institutions: InstitutionsService,
  ) {}

  onModuleInit(): void {
    this.registry.register('partners', () => createPartnerLoaders(this.institutions));
  }
}
