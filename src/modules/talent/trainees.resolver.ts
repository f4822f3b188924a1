import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { jsonSelection } from '../../graphql/json-projection';
import { today } from '../../graphql/scalars/date.scalar';
import type { Connection } from '../../common/pagination/connection';
import { ADMINS, Allow, TALENT_READERS, TALENT_WRITERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { TraineeListArgs } from './dto/talent-list.args';
import {
  CreateTraineeInput,
  EnrolTraineesInput,
  MoveCohortInput,
  MoveTraineeInput,
} from './dto/trainee.inputs';
import { EnrolmentService } from './enrolment.service';
import { TraineeWritesService } from './trainee-writes.service';
import { EnrolTraineesResult, MoveCohortResult, Trainee, TraineeConnection } from './trainee.models';
import { TraineesService } from './trainees.service';
import { traineeJson } from './trainee.json-sql';

const INPUT = { description: 'What to do; every field is described on the input type.' };

/** People of the talent pipeline: the recruiters' list and lookups, enrolment, status moves, erasure. Thin. */
@Resolver(() => Trainee)
export class TraineesResolver {
  constructor(
    private readonly reads: TraineesService,
    private readonly writes: TraineeWritesService,
    private readonly enrolment: EnrolmentService,
  ) {}

  @Query(() => TraineeConnection, {
    description:
      'People by name (pinyin order): find by part of the name or the last 4 of the ID number, list a cohort, or the stalled ones.',
  })
  @Allow(...TALENT_READERS)
  trainees(
    @CurrentActor() actor: Actor,
    @Args() args: TraineeListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Trainee>> {
    // The whole node selection built by PostgreSQL when every field of it can be (json-projection.ts).
    return this.reads.list(
      actor,
      args,
      jsonSelection(info, ['edges', 'node'], traineeJson(args.asOf ?? today())),
    );
  }

  @Query(() => Trainee, {
    nullable: true,
    description: 'One person by id; null when none or outside your parks.',
  })
  @Allow(...TALENT_READERS)
  trainee(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Person id.' }) id: string,
  ): Promise<Trainee | null> {
    return this.reads.find(actor, id);
  }

  @Mutation(() => Trainee, {
    description:
      'Register a person (a trainee of a cohort, or a craftsman without one). A duplicate ID number in the park is CONFLICT.',
  })
  @Allow(...TALENT_WRITERS)
  createTrainee(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateTraineeInput,
  ): Promise<Trainee> {
    return this.writes.create(actor, input);
  }

  @Mutation(() => EnrolTraineesResult, {
    description:
      'Enrol a cohort from a list: every row is checked and every problem reported with its row index and field; all rows are written in one transaction, or none.',
  })
  @Allow(...TALENT_WRITERS)
  enrolTrainees(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: EnrolTraineesInput,
  ): Promise<EnrolTraineesResult> {
    return this.enrolment.enrol(actor, input);
  }

  @Mutation(() => Trainee, {
    description:
      'Move a trainee to a later stage (PLACED with enterprise and position), or to WITHDRAWN with a reason.',
  })
  @Allow(...TALENT_WRITERS)
  moveTrainee(@CurrentActor() actor: Actor, @Args('input', INPUT) input: MoveTraineeInput): Promise<Trainee> {
    return this.writes.move(actor, input);
  }

  @Mutation(() => MoveCohortResult, {
    description:
      'Move a whole cohort to a stage on a date: every trainee moves, or none (withdrawn ones stay).',
  })
  @Allow(...TALENT_WRITERS)
  moveCohort(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: MoveCohortInput,
  ): Promise<MoveCohortResult> {
    return this.enrolment.moveCohort(actor, input);
  }

  @Mutation(() => Trainee, {
    description:
      'Erase a person’s personal data on request (PIPL): name, ID number, phone, birth date go; the anonymous counts stay.',
  })
  @Allow(...ADMINS)
  eraseTrainee(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Person id.' }) id: string,
  ): Promise<Trainee> {
    return this.writes.erase(actor, id);
  }
}
