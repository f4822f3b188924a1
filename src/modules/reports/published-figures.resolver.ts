import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import { ADMINS, Allow, PARK_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import {
  PublishedFiguresArgs,
  PublishFigureInput,
  VerifyPublishedFigureArgs,
} from './dto/published-figure.inputs';
import { FigureVerification, PublishedFigure, PublishedFigureConnection } from './published-figure.models';
import { PublishedFiguresService } from './published-figures.service';

@Resolver(() => PublishedFigure)
export class PublishedFiguresResolver {
  constructor(private readonly service: PublishedFiguresService) {}

  @Mutation(() => PublishedFigure, {
    description:
      'Computes a figure now and stores it as published, with its definition and inputs (audited).',
  })
  @Allow(...ADMINS)
  publishFigure(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to publish.' }) input: PublishFigureInput,
  ): Promise<PublishedFigure> {
    return this.service.publish(actor, input);
  }

  @Query(() => PublishedFigureConnection, { description: 'Published figures, latest asOf first.' })
  @Allow(...PARK_READERS)
  publishedFigures(
    @CurrentActor() actor: Actor,
    @Args() args: PublishedFiguresArgs,
  ): Promise<Connection<PublishedFigure>> {
    return this.service.list(actor, args);
  }

  @Query(() => FigureVerification, {
    description: 'Recomputes a published figure from the current data and explains any difference.',
  })
  @Allow(...ADMINS)
  verifyPublishedFigure(
    @CurrentActor() actor: Actor,
    @Args() args: VerifyPublishedFigureArgs,
  ): Promise<FigureVerification> {
    return this.service.verify(actor, args.id);
  }
}
