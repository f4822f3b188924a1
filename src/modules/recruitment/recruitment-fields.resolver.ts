import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { Enterprise } from '../enterprises/enterprise.model';
import { enterpriseLoaders } from '../enterprises/enterprises.loaders';
import { ParkOverview } from '../occupancy/occupancy.models';
import { recruitmentLoaders } from './recruitment.loaders';
import {
  Lead,
  LeadOpening,
  LeadStageChange,
  RecruitmentEvent,
  RecruitmentFigures,
} from './recruitment.models';

@Resolver(() => Lead)
export class LeadFieldsResolver {
  @ResolveField(() => [RecruitmentEvent], { description: 'Source events, by date.' })
  events(@Parent() l: Lead, @Context() ctx: GraphQLContext): Promise<RecruitmentEvent[]> {
    return recruitmentLoaders(ctx).eventsOfLead.load(l.id);
  }

  @ResolveField(() => [LeadStageChange], {
    description: 'Every stage the lead reached, with its date, in order.',
  })
  stageHistory(@Parent() l: Lead, @Context() ctx: GraphQLContext): Promise<LeadStageChange[]> {
    return recruitmentLoaders(ctx).history.load(l.id);
  }

  @ResolveField(() => Enterprise, { nullable: true, description: 'The enterprise it was converted into.' })
  enterprise(@Parent() l: Lead, @Context() ctx: GraphQLContext): Promise<Enterprise | null> {
    return l.enterpriseId ? enterpriseLoaders(ctx).enterprise.load(l.enterpriseId) : Promise.resolve(null);
  }

  @ResolveField(() => LeadOpening, {
    nullable: true,
    description:
      "After conversion: how far its enterprise's units got (fitting out, open) on the list's asOf.",
  })
  opening(@Parent() l: Lead, @Context() ctx: GraphQLContext): Promise<LeadOpening | null> {
    if (!l.enterpriseId) return Promise.resolve(null);
    return recruitmentLoaders(ctx).opening.load({ group: l.asOf, id: l.enterpriseId });
  }
}

@Resolver(() => ParkOverview)
export class ParkOverviewRecruitmentResolver {
  @ResolveField(() => RecruitmentFigures, {
    description: 'Recruitment figures of the park on asOf (park-wide).',
  })
  recruitment(@Parent() o: ParkOverview, @Context() ctx: GraphQLContext): Promise<RecruitmentFigures> {
    return recruitmentLoaders(ctx).figures.load(JSON.stringify([o.parkId, o.asOf]));
  }
}
