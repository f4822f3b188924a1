import { registerPartnerNodes } from './partner.nodes';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { Module, OnModuleInit } from '@nestjs/common';
import './institution.import';
import { LoaderRegistry } from '../../graphql/graphql-context';
import {
  AgreementFieldsResolver,
  AgreementPartyFieldsResolver,
  ParkOverviewPartnersResolver,
} from './agreement-fields.resolver';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { InstitutionsResolver } from './institutions.resolver';
import { InstitutionsService } from './institutions.service';
import { PartnerFiguresService } from './partner-figures.service';
import './agreement.measures';
import { createPartnerLoaders } from './partners.loaders';

/** Partners: institutions (the partner register), agreements with their parties, renewals and obligations. */
@Module({
  providers: [
    InstitutionsService,
    AgreementsService,
    PartnerFiguresService,
    InstitutionsResolver,
    AgreementsResolver,
    AgreementFieldsResolver,
    AgreementPartyFieldsResolver,
    ParkOverviewPartnersResolver,
  ],
  exports: [InstitutionsService, AgreementsService],
})
export class PartnersModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly nodes: NodeRegistry,
    private readonly institutions: InstitutionsService,
    private readonly agreements: AgreementsService,
    private readonly figures: PartnerFiguresService,
  ) {}

  onModuleInit(): void {
    this.registry.register('partners', () =>
      createPartnerLoaders(this.institutions, this.agreements, this.figures),
    );
    registerPartnerNodes(this.nodes, this.agreements);
  }
}
