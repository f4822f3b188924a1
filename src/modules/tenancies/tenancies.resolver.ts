import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import {
  AdvanceTenancyStageInput,
  CorrectTenancyStageInput,
  EndTenancyInput,
  LeaseUnitsInput,
  TenancyListArgs,
} from './dto/tenancy.inputs';
import { Tenancy, TenancyConnection } from './tenancy.models';
import { TenanciesService } from './tenancies.service';
import { LeaseKeys } from './lease-keys';
import { Allow, LEASING_WRITERS, TENANCY_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';

@Resolver(() => Tenancy)
export class TenanciesResolver {
  constructor(
    private readonly service: TenanciesService,
    private readonly keys: LeaseKeys,
  ) {}

  @Query(() => TenancyConnection, {
    description: 'Tenancies as of a date: by default those holding their unit then.',
  })
  @Allow(...TENANCY_READERS)
  tenancies(@CurrentActor() actor: Actor, @Args() args: TenancyListArgs): Promise<Connection<Tenancy>> {
    return this.service.list(actor, args);
  }

  @Query(() => Tenancy, {
    nullable: true,
    description: 'One tenancy by id; null when there is none or it is outside your parks.',
  })
  @Allow(...TENANCY_READERS)
  tenancy(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Tenancy id.' }) id: string,
  ): Promise<Tenancy | null> {
    return this.service.find(actor, id);
  }

  @Mutation(() => [Tenancy], {
    description:
      'Let one or several units to an enterprise from a date, in a starting stage. The enterprise is named by id or by credit code, the units by park code and unit codes. All or none: a unit already held gives CONFLICT naming the unit and its holder.',
  })
  @Allow(...LEASING_WRITERS)
  async leaseUnits(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: LeaseUnitsInput,
  ): Promise<Tenancy[]> {
    return this.service.lease(actor, await this.keys.resolve(actor, input));
  }

  @Mutation(() => Tenancy, {
    description:
      'Move a tenancy forward to its next stage on a date. Skipped or backward moves are BAD_USER_INPUT listing the allowed moves.',
  })
  @Allow(...LEASING_WRITERS)
  advanceTenancyStage(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: AdvanceTenancyStageInput,
  ): Promise<Tenancy> {
    return this.service.advance(actor, input);
  }

  @Mutation(() => Tenancy, {
    description: 'End a tenancy on a date, with a reason. The unit is free from that date.',
  })
  @Allow(...LEASING_WRITERS)
  endTenancy(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: EndTenancyInput,
  ): Promise<Tenancy> {
    return this.service.end(actor, input);
  }

  @Mutation(() => Tenancy, {
    description:
      'Correct a mistaken stage entry (its date, or withdraw the latest stage). The correction is recorded in the stage history.',
  })
  @Allow(...LEASING_WRITERS)
  correctTenancyStage(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: CorrectTenancyStageInput,
  ): Promise<Tenancy> {
    return this.service.correct(actor, input);
  }
}
