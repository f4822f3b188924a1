import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, PARK_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { FiguresArgs } from './dto/figures.args';
import { FigureRow } from './figures.models';
import { FiguresService } from './figures.service';

@Resolver(() => FigureRow)
export class FiguresResolver {
  constructor(private readonly service: FiguresService) {}

  @Query(() => [FigureRow], {
    description:
      'Park figures by zone, industry, origin province and month: one row per date and group, with the requested measures (see the Measure enum for their definitions).',
  })
  @Allow(...PARK_READERS)
  figures(@CurrentActor() actor: Actor, @Args() args: FiguresArgs): Promise<FigureRow[]> {
    return this.service.figures(actor, args);
  }
}
