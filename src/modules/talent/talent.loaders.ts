import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { groupedLoader } from '../../graphql/grouped-loader';
import { actorOf } from '../access/current-actor.decorator';
import { AchievementsService } from './achievements.service';
import { Certification, Contest, ContestEntry } from './achievement.models';
import { Cohort, Program } from './program.models';
import { ProgramsService } from './programs.service';
import { TalentFiguresService } from './talent-figures.service';
import { TalentFigures } from './talent-figures.models';
import { TraineesService } from './trainees.service';
import { Trainee, TraineeStatusEvent } from './trainee.models';

export function createTalentLoaders(
  trainees: TraineesService,
  programs: ProgramsService,
  achievements: AchievementsService,
  figures: TalentFiguresService,
) {
  return {
    trainee: new DataLoader<string, Trainee | null>((ids) => trainees.byIds(ids)),
    /** The status event in force; the group is the date. */
    statusOn: groupedLoader<TraineeStatusEvent | null>((ids, date) => trainees.statusesOn(ids, date)),
    history: new DataLoader<string, TraineeStatusEvent[]>((ids) => trainees.histories(ids)),
    cohortsOfTrainee: new DataLoader<string, Cohort[]>((ids) => trainees.cohortsOf(ids)),
    certificationsOfTrainee: new DataLoader<string, Certification[]>((ids) => trainees.certificationsOf(ids)),
    entriesOfTrainee: new DataLoader<string, ContestEntry[]>((ids) => trainees.entriesOf(ids)),
    program: new DataLoader<string, Program | null>((ids) => programs.programsByIds(ids)),
    cohortsOfProgram: new DataLoader<string, Cohort[]>((ids) => programs.cohortsOfPrograms(ids)),
    institutionIdsOfCohort: new DataLoader<string, string[]>((ids) => programs.institutionIdsOf(ids)),
    memberCount: new DataLoader<string, number>((ids) => programs.memberCounts(ids)),
    contest: new DataLoader<string, Contest | null>((ids) => achievements.contestsByIds(ids)),
    entriesOfContest: new DataLoader<string, ContestEntry[]>((ids) => achievements.entriesOfContests(ids)),
    /** ParkOverview.talent; the key is `[parkId, asOf]` as JSON. */
    figures: new DataLoader<string, TalentFigures>((keys) =>
      Promise.all(
        keys.map((k) => {
          const [parkId, asOf] = JSON.parse(k) as [string, string];
          return figures.overview(parkId, asOf);
        }),
      ),
    ),
    /** Made on first use: it needs the caller, known only once the request is authenticated. */
    idNumberReads: undefined as DataLoader<string, true> | undefined,
    trainees,
  };
}

export type TalentLoaders = ReturnType<typeof createTalentLoaders>;

export const talentLoaders = (ctx: GraphQLContext): TalentLoaders => ctx.loaders.talent as TalentLoaders;

/**
 * Notes that the caller was shown this person's full ID number. The reads of one list (one loader batch) become ONE
 * audit entry naming every person in it; the same person read twice in a request is noted once.
 */
export function auditIdNumberRead(ctx: GraphQLContext, traineeId: string, operation: string): Promise<true> {
  const loaders = talentLoaders(ctx);
  loaders.idNumberReads ??= new DataLoader<string, true>(async (ids) => {
    await loaders.trainees.auditIdNumberReads(actorOf(ctx, operation), ids);
    return ids.map(() => true as const);
  });
  return loaders.idNumberReads.load(traineeId);
}
