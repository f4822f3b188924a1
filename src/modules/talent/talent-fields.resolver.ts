import { Args, Context, Info, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { DateScalar, today } from '../../graphql/scalars/date.scalar';
import { PersonalData } from '../access/access.decorators';
import { PersonalDataKind, seesPersonalData } from '../access/personal-data';
import { Enterprise } from '../enterprises/enterprise.model';
import { Institution } from '../partners/institution.model';
import { partnerLoaders } from '../partners/partners.loaders';
import { enterpriseLoaders } from '../enterprises/enterprises.loaders';
import { spaceLoaders } from '../space/space.loaders';
import { Zone } from '../space/space.models';
import { Certification, Contest, ContestEntry } from './achievement.models';
import { PiiCipher } from './pii/pii-cipher';
import { Cohort, Program } from './program.models';
import { TraineeStatus } from './talent.enums';
import { auditIdNumberRead, talentLoaders } from './talent.loaders';
import { Trainee, TraineeStatusEvent } from './trainee.models';

const AS_OF = {
  type: () => DateScalar,
  nullable: true,
  description: 'The date asked about (default: the list’s asOf, else today).',
};

/** The root field a resolver runs under (for the audit trail's operation). */
function rootFieldOf(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}

@Resolver(() => Trainee)
export class TraineeFieldsResolver {
  constructor(private readonly pii: PiiCipher) {}

  @PersonalData(PersonalDataKind.RESIDENT_ID)
  @ResolveField(() => String, {
    nullable: true,
    description:
      'Resident ID number: in full for ADMIN and RECRUITER (each such read is audited, one entry per list), masked 5001**********1234 for everyone else; null when none or erased.',
  })
  async idNumber(
    @Parent() t: Trainee,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    if (!t.idNumberCipher) return null;
    const value = this.pii.decrypt(t.idNumberCipher);
    // Masking itself happens once, in the schema (personal-data.schema.ts); here only the full reads are noted.
    if (seesPersonalData(ctx.auth?.principal, PersonalDataKind.RESIDENT_ID))
      await auditIdNumberRead(ctx, t.id, rootFieldOf(info));
    return value;
  }

  @ResolveField(() => TraineeStatus, {
    nullable: true,
    description: 'Status on the date; null before the first.',
  })
  async status(
    @Parent() t: Trainee,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<TraineeStatus | null> {
    const event = await talentLoaders(ctx).statusOn.load({ group: asOf ?? t.asOf ?? today(), id: t.id });
    return event?.status ?? null;
  }

  @ResolveField(() => TraineeStatusEvent, {
    nullable: true,
    description: 'The status event in force on the date (since when, employer or reason).',
  })
  currentStatus(
    @Parent() t: Trainee,
    @Context() ctx: GraphQLContext,
    @Args('asOf', AS_OF) asOf?: string,
  ): Promise<TraineeStatusEvent | null> {
    return talentLoaders(ctx).statusOn.load({ group: asOf ?? t.asOf ?? today(), id: t.id });
  }

  @ResolveField(() => [TraineeStatusEvent], { description: 'Every status change, oldest first.' })
  statusHistory(@Parent() t: Trainee, @Context() ctx: GraphQLContext): Promise<TraineeStatusEvent[]> {
    return talentLoaders(ctx).history.load(t.id);
  }

  @ResolveField(() => [Cohort], { description: 'The cohorts the person belongs to.' })
  cohorts(@Parent() t: Trainee, @Context() ctx: GraphQLContext): Promise<Cohort[]> {
    return talentLoaders(ctx).cohortsOfTrainee.load(t.id);
  }

  @ResolveField(() => [Certification], { description: 'Certificates held, newest first.' })
  certifications(@Parent() t: Trainee, @Context() ctx: GraphQLContext): Promise<Certification[]> {
    return talentLoaders(ctx).certificationsOfTrainee.load(t.id);
  }

  @ResolveField(() => [ContestEntry], { description: 'Contest entries, newest contest first.' })
  contestEntries(@Parent() t: Trainee, @Context() ctx: GraphQLContext): Promise<ContestEntry[]> {
    return talentLoaders(ctx).entriesOfTrainee.load(t.id);
  }
}

@Resolver(() => TraineeStatusEvent)
export class TraineeStatusEventFieldsResolver {
  @ResolveField(() => Enterprise, { nullable: true, description: 'PLACED: the employer.' })
  async enterprise(
    @Parent() e: TraineeStatusEvent,
    @Context() ctx: GraphQLContext,
  ): Promise<Enterprise | null> {
    return e.enterpriseId ? enterpriseLoaders(ctx).enterprise.load(e.enterpriseId) : null;
  }
}

@Resolver(() => Program)
export class ProgramFieldsResolver {
  @ResolveField(() => [Cohort], { description: 'Cohorts of the program, by intake date.' })
  cohorts(@Parent() p: Program, @Context() ctx: GraphQLContext): Promise<Cohort[]> {
    return talentLoaders(ctx).cohortsOfProgram.load(p.id);
  }
}

@Resolver(() => Cohort)
export class CohortFieldsResolver {
  @ResolveField(() => Program, { description: 'The program.' })
  async program(@Parent() c: Cohort, @Context() ctx: GraphQLContext): Promise<Program> {
    return (await talentLoaders(ctx).program.load(c.programId))!;
  }

  @ResolveField(() => Zone, { nullable: true, description: 'The zone of the park where it trains.' })
  async zone(@Parent() c: Cohort, @Context() ctx: GraphQLContext): Promise<Zone | null> {
    return c.zoneId ? spaceLoaders(ctx).zone.load(c.zoneId) : null;
  }

  @ResolveField(() => [Institution], { description: 'The institutions delivering the cohort, by name.' })
  async institutions(@Parent() c: Cohort, @Context() ctx: GraphQLContext): Promise<Institution[]> {
    const ids = await talentLoaders(ctx).institutionIdsOfCohort.load(c.id);
    const rows = await partnerLoaders(ctx).institution.loadMany(ids);
    return rows.filter((r): r is Institution => r !== null && !(r instanceof Error));
  }

  @ResolveField(() => Int, {
    description: 'Members (withdrawn ones included); list them with trainees(filter: { cohortId }).',
  })
  traineeCount(@Parent() c: Cohort, @Context() ctx: GraphQLContext): Promise<number> {
    return talentLoaders(ctx).memberCount.load(c.id);
  }
}

@Resolver(() => Certification)
export class CertificationFieldsResolver {
  @ResolveField(() => Trainee, { description: 'The holder.' })
  async holder(@Parent() c: Certification, @Context() ctx: GraphQLContext): Promise<Trainee> {
    return (await talentLoaders(ctx).trainee.load(c.traineeId))!;
  }
}

@Resolver(() => Contest)
export class ContestFieldsResolver {
  @ResolveField(() => [ContestEntry], { description: 'Entries, by rank.' })
  entries(@Parent() k: Contest, @Context() ctx: GraphQLContext): Promise<ContestEntry[]> {
    return talentLoaders(ctx).entriesOfContest.load(k.id);
  }
}

@Resolver(() => ContestEntry)
export class ContestEntryFieldsResolver {
  @ResolveField(() => Trainee, { description: 'The contestant.' })
  async person(@Parent() e: ContestEntry, @Context() ctx: GraphQLContext): Promise<Trainee> {
    return (await talentLoaders(ctx).trainee.load(e.traineeId))!;
  }

  @ResolveField(() => Contest, { description: 'The contest.' })
  async contest(@Parent() e: ContestEntry, @Context() ctx: GraphQLContext): Promise<Contest> {
    return (await talentLoaders(ctx).contest.load(e.contestId))!;
  }
}
