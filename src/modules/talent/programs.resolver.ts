import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { Allow, TALENT_READERS, TALENT_WRITERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { CreateCohortInput, CreateProgramInput } from './dto/program.inputs';
import { ParkTalentArgs } from './dto/talent-list.args';
import { Cohort, Program } from './program.models';
import { ProgramsService } from './programs.service';

const INPUT = { description: 'What to create; every field is described on the input type.' };

@ArgsType()
class CohortsArgs extends ParkTalentArgs {
  @Field(() => String, { nullable: true, description: 'Only cohorts of this program (code).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  programCode?: string;
}

/** Programs and cohorts. Thin: one service call each. */
@Resolver(() => Program)
export class ProgramsResolver {
  constructor(private readonly service: ProgramsService) {}

  @Query(() => [Program], { description: 'Training programs of a park, by code.' })
  @Allow(...TALENT_READERS)
  programs(@CurrentActor() actor: Actor, @Args() args: ParkTalentArgs): Promise<Program[]> {
    return this.service.programs(actor, args.parkCode);
  }

  @Query(() => [Cohort], { description: 'Cohorts of a park, by intake date.' })
  @Allow(...TALENT_READERS)
  cohorts(@CurrentActor() actor: Actor, @Args() args: CohortsArgs): Promise<Cohort[]> {
    return this.service.cohorts(actor, args.parkCode, args.programCode);
  }

  @Query(() => Cohort, {
    nullable: true,
    description: 'One cohort by id; null when none or outside your parks.',
  })
  @Allow(...TALENT_READERS)
  cohort(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Cohort id.' }) id: string,
  ): Promise<Cohort | null> {
    return this.service.cohort(actor, id);
  }

  @Mutation(() => Program, { description: 'Create a training program.' })
  @Allow(...TALENT_WRITERS)
  createProgram(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateProgramInput,
  ): Promise<Program> {
    return this.service.createProgram(actor, input);
  }

  @Mutation(() => Cohort, { description: 'Create a cohort of a program.' })
  @Allow(...TALENT_WRITERS)
  createCohort(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateCohortInput,
  ): Promise<Cohort> {
    return this.service.createCohort(actor, input);
  }
}
