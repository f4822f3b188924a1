import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { today } from '../../graphql/scalars/date.scalar';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { AchievementsService } from './achievements.service';
import { CreateTalentTargetInput } from './dto/achievement.inputs';
import { CohortFunnelArgs } from './dto/talent-list.args';
import { CertificationLevel, ENROLLED_STATUSES, STAGES, TargetMetric, TraineeStatus } from './talent.enums';
import { TalentErrors } from './talent.errors';
import { CohortFunnel, TalentFigures, TalentTarget } from './talent-figures.models';
import { certificationValidSql, traineeStatusesSql } from './talent-sql';
import { paceOf } from './target-pace';

/** Stages that count as enrolled (withdrawn ones do not); the TRAINEES_ENROLLED measure counts the same. */
const ENROLLED_OR_LATER = new Set(ENROLLED_STATUSES);

/** The status a trainee metric counts from (that stage or later, WITHDRAWN excluded). */
const METRIC_FROM: Record<Exclude<TargetMetric, TargetMetric.PEOPLE_CERTIFIED>, TraineeStatus> = {
  [TargetMetric.TRAINEES_ENROLLED]: TraineeStatus.ENROLLED,
  [TargetMetric.TRAINEES_GRADUATED]: TraineeStatus.GRADUATED,
  [TargetMetric.TRAINEES_PLACED]: TraineeStatus.PLACED,
};

/** A member of the program's cohorts, for targets that name a program. */
const IN_PROGRAM = (trainee: string) =>
  `(g.program_id IS NULL OR EXISTS (SELECT 1 FROM cohort_trainee ct JOIN cohort co ON co.id = ct.cohort_id
     WHERE ct.trainee_id = ${trainee} AND co.program_id = g.program_id))`;

interface TargetRow {
  id: string;
  name: string;
  metric: TargetMetric;
  program_id: string | null;
  value: number;
  starts_on: string;
  due_on: string;
  achieved: number;
}

/** Talent figures: each an SQL aggregate over the stored records as of a date (never stored numbers). */
@Injectable()
export class TalentFiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly achievements: AchievementsService,
  ) {}

  /** Creates a target and answers it with its progress today. */
  async createTarget(actor: Actor, input: CreateTalentTargetInput): Promise<TalentTarget> {
    const { id, parkId } = await this.achievements.createTarget(actor, input);
    return (await this.targets([parkId], today())).find((t) => t.id === id)!;
  }

  /** ParkOverview.talent: two statements (counts, targets) for a park on a date. */
  async overview(parkId: string, asOf: string): Promise<TalentFigures> {
    const [row] = await this.db.query<
      {
        by_status: { status: TraineeStatus; count: number }[];
        by_level: { level: CertificationLevel; count: number }[];
        finalists: number;
      }[]
    >(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('status', s.status, 'count', s.n) ORDER BY s.status), '[]')
          FROM (SELECT x.status, count(*)::int AS n
                FROM (${traineeStatusesSql('$1', '$2::date')}) x
                WHERE x.status IS NOT NULL GROUP BY x.status) s) AS by_status,
         (SELECT coalesce(json_agg(json_build_object('level', l.level, 'count', l.n) ORDER BY l.level), '[]')
          FROM (SELECT c.level, count(DISTINCT c.trainee_id)::int AS n FROM certification c
                WHERE c.park_id = $1 AND ${certificationValidSql('c', '$2::date')}
                GROUP BY c.level) l) AS by_level,
         (SELECT count(*)::int FROM contest_entry ce JOIN contest k ON k.id = ce.contest_id
          WHERE ce.park_id = $1 AND ce.recommended AND k.starts_on <= $2::date) AS finalists`,
      [parkId, asOf],
    );
    const figures = {
      parkId,
      asOf,
      traineesEnrolled: row.by_status
        .filter((s) => ENROLLED_OR_LATER.has(s.status))
        .reduce((n, s) => n + s.count, 0),
      traineesByStatus: row.by_status,
      certifiedByLevel: row.by_level,
      contestFinalists: row.finalists,
      targets: [] as TalentTarget[],
    };
    // Targets are counted only when a client reads them (one statement fewer for the counts alone).
    let targets: Promise<TalentTarget[]> | undefined;
    return Object.defineProperty(figures, 'targets', {
      enumerable: true,
      get: () => (targets ??= this.targets([parkId], asOf)),
    });
  }

  async targetsOf(actor: Actor, parkCode: string, asOf?: string): Promise<TalentTarget[]> {
    const parkId = await requireParkId(this.db.manager, actor, parkCode);
    return this.targets([parkId], asOf ?? today());
  }

  /** One target with what it achieved to today, in the actor's parks (for `node(id:)`), or null. */
  /** Batch (node/nodes): the targets of `ids` within the caller's parks, in no order; two statements. */
  async targetsByIds(actor: Actor, ids: readonly string[]): Promise<TalentTarget[]> {
    const rows = await this.db.query<{ park_id: string }[]>(
      'SELECT DISTINCT park_id FROM talent_target WHERE id = ANY($1) AND ($2::uuid[] IS NULL OR park_id = ANY($2))',
      [ids, parkScope(actor)],
    );
    if (!rows.length) return [];
    const wanted = new Set(ids);
    return (
      await this.targets(
        rows.map((r) => r.park_id),
        today(),
      )
    ).filter((t) => wanted.has(t.id));
  }

  async target(actor: Actor, id: string): Promise<TalentTarget | null> {
    const [row] = await this.db.query<{ park_id: string }[]>(
      'SELECT park_id FROM talent_target WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2))',
      [id, parkScope(actor)],
    );
    if (!row) return null;
    return (await this.targets([row.park_id], today())).find((t) => t.id === id) ?? null;
  }

  /** Targets of the parks with what they achieved from their start to asOf: one statement. */
  async targets(parkIds: string[], asOf: string): Promise<TalentTarget[]> {
    const rows = await this.db.query<TargetRow[]>(
      `SELECT g.id, g.name, g.metric, g.program_id, g.value, g.starts_on::text AS starts_on, g.due_on::text AS due_on,
         CASE WHEN g.metric = 'PEOPLE_CERTIFIED' THEN
           (SELECT count(DISTINCT c.trainee_id) FROM certification c
            WHERE c.park_id = g.park_id AND c.issued_on BETWEEN g.starts_on AND $2::date AND ${IN_PROGRAM('c.trainee_id')})
         ELSE
           (SELECT count(DISTINCT e.trainee_id) FROM trainee_status_event e JOIN trainee t ON t.id = e.trainee_id
            WHERE t.park_id = g.park_id AND e.status <> 'WITHDRAWN'
              AND e.status >= (CASE g.metric ${Object.entries(METRIC_FROM)
                .map(([metric, status]) => `WHEN '${metric}' THEN '${status}'`)
                .join(' ')} END)::trainee_status
              AND e.effective_on BETWEEN g.starts_on AND $2::date AND ${IN_PROGRAM('e.trainee_id')})
         END::int AS achieved
       FROM talent_target g WHERE g.park_id = ANY($1) ORDER BY g.due_on, g.name`,
      [parkIds, asOf],
    );
    return rows.map((r) => ({
      id: r.id,
      programId: r.program_id,
      name: r.name,
      metric: r.metric,
      value: r.value,
      startsOn: r.starts_on,
      dueOn: r.due_on,
      asOf,
      achieved: r.achieved,
      ...paceOf({ value: r.value, startsOn: r.starts_on, dueOn: r.due_on }, r.achieved, asOf),
    }));
  }

  /**
   * Counts per stage for a cohort (or every cohort of a program) on a date: how many reached each stage (or a later
   * one) and how many stand in it, with conversion from the stage before. One statement.
   */
  async funnel(actor: Actor, args: CohortFunnelArgs): Promise<CohortFunnel> {
    const asOf = args.asOf ?? today();
    let cohortIds: string[];
    if (args.cohortId && !args.programCode) {
      const rows = await this.db.query<{ id: string }[]>(
        'SELECT id FROM cohort WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2))',
        [args.cohortId, parkScope(actor)],
      );
      if (!rows.length) throw new NotFoundError('Cohort', args.cohortId);
      cohortIds = [args.cohortId];
    } else if (args.programCode && args.parkCode && !args.cohortId) {
      const parkId = await requireParkId(this.db.manager, actor, args.parkCode);
      const [program] = await this.db.query<{ cohort_ids: string[] }[]>(
        `SELECT array(SELECT c.id FROM cohort c WHERE c.program_id = p.id) AS cohort_ids
         FROM talent_program p WHERE p.park_id = $1 AND p.code = $2`,
        [parkId, args.programCode],
      );
      if (!program) throw new NotFoundError('Program', args.programCode);
      cohortIds = program.cohort_ids;
    } else throw TalentErrors.funnelScope();
    const groups = await this.db.query<
      { furthest: TraineeStatus | null; current: TraineeStatus | null; n: number }[]
    >(
      `SELECT p.furthest, p.current, count(*)::int AS n
       FROM (SELECT m.trainee_id,
                    (SELECT max(e.status) FROM trainee_status_event e
                     WHERE e.trainee_id = m.trainee_id AND e.effective_on <= $2::date AND e.status <> 'WITHDRAWN') AS furthest,
                    (SELECT e.status FROM trainee_status_event e WHERE e.trainee_id = m.trainee_id AND e.effective_on <= $2::date
                     ORDER BY e.effective_on DESC, e.id DESC LIMIT 1) AS current
             FROM (SELECT DISTINCT trainee_id FROM cohort_trainee WHERE cohort_id = ANY($1)) m) p
       GROUP BY 1, 2`,
      [cohortIds, asOf],
    );
    const reached = (s: TraineeStatus) =>
      groups
        .filter((g) => g.furthest !== null && STAGES.indexOf(g.furthest) >= STAGES.indexOf(s))
        .reduce((n, g) => n + g.n, 0);
    const current = (s: TraineeStatus) => groups.filter((g) => g.current === s).reduce((n, g) => n + g.n, 0);
    const stages = STAGES.map((status, i) => {
      const before = i === 0 ? 0 : reached(STAGES[i - 1]);
      return {
        status,
        reached: reached(status),
        current: current(status),
        conversion: i === 0 || before === 0 ? null : Math.round((reached(status) / before) * 10_000) / 10_000,
      };
    });
    return {
      asOf,
      trainees: groups.reduce((n, g) => n + g.n, 0),
      stages,
      withdrawn: current(TraineeStatus.WITHDRAWN),
    };
  }
}
