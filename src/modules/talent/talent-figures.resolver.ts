import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { Allow, PARK_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { ParkOverview } from '../occupancy/occupancy.models';
import { CohortFunnelArgs, TalentTargetsArgs } from './dto/talent-list.args';
import { TalentFiguresService } from './talent-figures.service';
import { CohortFunnel, TalentFigures, TalentTarget } from './talent-figures.models';
import { talentLoaders } from './talent.loaders';

/** Talent figures: anonymous counts, readable like the other park figures. Thin. */
@Resolver(() => TalentFigures)
export class TalentFiguresResolver {
  constructor(private readonly figures: TalentFiguresService) {}

  @Query(() => [TalentTarget], {
    description: 'The park’s talent targets with their progress and pace on a date.',
  })
  @Allow(...PARK_READERS)
  talentTargets(@CurrentActor() actor: Actor, @Args() args: TalentTargetsArgs): Promise<TalentTarget[]> {
    return this.figures.targetsOf(actor, args.parkCode, args.asOf);
  }

  @Query(() => CohortFunnel, {
    description:
      'Counts per stage and conversion between stages, for a cohort or every cohort of a program, on a date.',
  })
  @Allow(...PARK_READERS)
  cohortFunnel(@CurrentActor() actor: Actor, @Args() args: CohortFunnelArgs): Promise<CohortFunnel> {
    return this.figures.funnel(actor, args);
  }
}

@Resolver(() => ParkOverview)
export class ParkOverviewTalentResolver {
  @ResolveField(() => TalentFigures, {
    description: 'Talent figures of the park on asOf (a zone’s overview gives its park’s talent figures).',
  })
  talent(@Parent() o: ParkOverview, @Context() ctx: GraphQLContext): Promise<TalentFigures> {
    return talentLoaders(ctx).figures.load(JSON.stringify([o.parkId, o.asOf]));
  }
}
