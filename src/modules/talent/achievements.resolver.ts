import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import { Allow, TALENT_READERS, TALENT_WRITERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { Certification, CertificationConnection, Contest, ContestEntry } from './achievement.models';
import { AchievementsService } from './achievements.service';
import {
  CreateContestInput,
  CreateTalentTargetInput,
  RecordCertificationInput,
  RecordContestEntriesInput,
} from './dto/achievement.inputs';
import { CertificationListArgs, ParkTalentArgs } from './dto/talent-list.args';
import { TalentFiguresService } from './talent-figures.service';
import { TalentTarget } from './talent-figures.models';

const INPUT = { description: 'What to record; every field is described on the input type.' };

/** Certificates, contests and targets. Thin. */
@Resolver(() => Certification)
export class AchievementsResolver {
  constructor(
    private readonly service: AchievementsService,
    private readonly figures: TalentFiguresService,
  ) {}

  @Query(() => CertificationConnection, { description: 'Certificates, newest first.' })
  @Allow(...TALENT_READERS)
  certifications(
    @CurrentActor() actor: Actor,
    @Args() args: CertificationListArgs,
  ): Promise<Connection<Certification>> {
    return this.service.certifications(actor, args);
  }

  @Query(() => [Contest], { description: 'Contests of a park, newest first.' })
  @Allow(...TALENT_READERS)
  contests(@CurrentActor() actor: Actor, @Args() args: ParkTalentArgs): Promise<Contest[]> {
    return this.service.contests(actor, args.parkCode);
  }

  @Mutation(() => Certification, {
    description: 'Record a certificate a person holds (CONFLICT when the issuer already used the number).',
  })
  @Allow(...TALENT_WRITERS)
  recordCertification(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RecordCertificationInput,
  ): Promise<Certification> {
    return this.service.recordCertification(actor, input);
  }

  @Mutation(() => Contest, { description: 'Create a contest (or a round of one).' })
  @Allow(...TALENT_WRITERS)
  createContest(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateContestInput,
  ): Promise<Contest> {
    return this.service.createContest(actor, input);
  }

  @Mutation(() => [ContestEntry], {
    description: 'Record entries of a contest: all or none, every row’s problem reported with its index.',
  })
  @Allow(...TALENT_WRITERS)
  recordContestEntries(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RecordContestEntriesInput,
  ): Promise<ContestEntry[]> {
    return this.service.recordEntries(actor, input);
  }

  @Mutation(() => TalentTarget, {
    description: 'Create a talent target; its progress is computed from the data.',
  })
  @Allow(...TALENT_WRITERS)
  createTalentTarget(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateTalentTargetInput,
  ): Promise<TalentTarget> {
    return this.figures.createTarget(actor, input);
  }
}
