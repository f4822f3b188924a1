import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { Enterprise } from '../enterprises/enterprise.model';
import { enterpriseLoaders } from '../enterprises/enterprises.loaders';
import { ParkOverview } from '../occupancy/occupancy.models';
import { Agreement, AgreementParty, Obligation, PartnerFigures } from './agreement.models';
import { Institution } from './institution.model';
import { partnerFigureKey } from './partner-figures.service';
import { partnerLoaders } from './partners.loaders';

@Resolver(() => Agreement)
export class AgreementFieldsResolver {
  @ResolveField(() => [AgreementParty], { description: 'Parties besides the park, by name.' })
  parties(@Parent() a: Agreement, @Context() ctx: GraphQLContext): Promise<AgreementParty[]> {
    return partnerLoaders(ctx).parties.load(a.id);
  }

  @ResolveField(() => Agreement, { nullable: true, description: 'The agreement this one renews.' })
  renews(@Parent() a: Agreement, @Context() ctx: GraphQLContext): Promise<Agreement | null> {
    if (!a.renewsId) return Promise.resolve(null);
    return partnerLoaders(ctx).agreement.load({ group: a.asOf, id: a.renewsId });
  }

  @ResolveField(() => Agreement, {
    nullable: true,
    description: 'The agreement that renews this one, if any.',
  })
  renewedBy(@Parent() a: Agreement, @Context() ctx: GraphQLContext): Promise<Agreement | null> {
    return partnerLoaders(ctx).renewal.load({ group: a.asOf, id: a.id });
  }

  @ResolveField(() => [Obligation], {
    description: 'Obligations, with progress on the same asOf, by due date.',
  })
  obligations(@Parent() a: Agreement, @Context() ctx: GraphQLContext): Promise<Obligation[]> {
    return partnerLoaders(ctx).obligations.load({ group: a.asOf, id: a.id });
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyFieldsResolver {
  @ResolveField(() => Institution, { nullable: true, description: 'The institution, when the party is one.' })
  institution(@Parent() p: AgreementParty, @Context() ctx: GraphQLContext): Promise<Institution | null> {
    return p.institutionId ? partnerLoaders(ctx).institution.load(p.institutionId) : Promise.resolve(null);
  }

  @ResolveField(() => Enterprise, { nullable: true, description: 'The enterprise, when the party is one.' })
  enterprise(@Parent() p: AgreementParty, @Context() ctx: GraphQLContext): Promise<Enterprise | null> {
    return p.enterpriseId ? enterpriseLoaders(ctx).enterprise.load(p.enterpriseId) : Promise.resolve(null);
  }
}

@Resolver(() => ParkOverview)
export class ParkOverviewPartnersResolver {
  @ResolveField(() => PartnerFigures, {
    description: 'Partner figures of the park on asOf (park-wide, whatever the zone).',
  })
  partners(@Parent() o: ParkOverview, @Context() ctx: GraphQLContext): Promise<PartnerFigures> {
    return partnerLoaders(ctx).figures.load(partnerFigureKey(o.parkId, o.asOf));
  }
}
