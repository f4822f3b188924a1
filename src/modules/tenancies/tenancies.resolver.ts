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

@Resolver(() => Tenancy)
export class TenanciesResolver {
  constructor(private readonly service: TenanciesService) {}

  @Query(() => TenancyConnection, {
    description: 'Tenancies as of a date: by default those holding their unit then.',
  })
  tenancies(@Args() args: TenancyListArgs): Promise<Connection<Tenancy>> {
    return this.service.list(args);
  }

  @Query(() => Tenancy, { nullable: true, description: 'One tenancy by id; null when there is none.' })
  async tenancy(
    @Args('id', { type: () => ID, description: 'Tenancy id.' }) id: string,
  ): Promise<Tenancy | null> {
    const [found] = await this.service.byIds([id]);
    return found ?? null;
  }

  @Mutation(() => [Tenancy], {
    description:
      'Let one or several units to an enterprise from a date, in a starting stage. All or none: a unit already held gives CONFLICT naming the unit and its holder.',
  })
  leaseUnits(@Args('input') input: LeaseUnitsInput): Promise<Tenancy[]> {
    return this.service.lease(input);
  }

  @Mutation(() => Tenancy, {
    description:
      'Move a tenancy forward to its next stage on a date. Skipped or backward moves are BAD_USER_INPUT listing the allowed moves.',
  })
  advanceTenancyStage(@Args('input') input: AdvanceTenancyStageInput): Promise<Tenancy> {
    return this.service.advance(input);
  }

  @Mutation(() => Tenancy, {
    description: 'End a tenancy on a date, with a reason. The unit is free from that date.',
  })
  endTenancy(@Args('input') input: EndTenancyInput): Promise<Tenancy> {
    return this.service.end(input);
  }

  @Mutation(() => Tenancy, {
    description:
      'Correct a mistaken stage entry (its date, or withdraw the latest stage). The correction is recorded in the stage history.',
  })
  correctTenancyStage(@Args('input') input: CorrectTenancyStageInput): Promise<Tenancy> {
    return this.service.correct(input);
  }
}
