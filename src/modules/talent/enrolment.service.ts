import { toGlobalId } from '../../graphql/node/global-id';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { FieldError, NotFoundError } from '../../common/errors/app-error';
import { inTransaction } from '../../database/transaction';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { EnrolTraineesInput, MoveCohortInput } from './dto/trainee.inputs';
import { PiiCipher } from './pii/pii-cipher';
import { TraineeStatus } from './talent.enums';
import { TalentErrors } from './talent.errors';
import { toTrainee, TraineeRow } from './talent.mappers';
import { TRAINEE_COLUMNS } from './talent-sql';
import { insertPeople, NewPerson, personAudit, takenIdNumbers } from './trainee-writes.service';
import { checkPerson, CurrentStatus, moveProblem } from './trainee-rules';
import { EnrolTraineesResult, MoveCohortResult } from './trainee.models';

/** Statuses a whole cohort moves to together; PLACED and WITHDRAWN are decided person by person. */
const COHORT_MOVES = new Set([TraineeStatus.IN_TRAINING, TraineeStatus.IN_PARK, TraineeStatus.GRADUATED]);

/**
 * Whole cohorts at once, all-or-nothing: every row is checked (and every problem reported with its row index and
 * field) before anything is written; then each table gets ONE multi-row INSERT, in one transaction.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  async enrol(actor: Actor, input: EnrolTraineesInput): Promise<EnrolTraineesResult> {
    return inTransaction(this.db, (m) => this.enrolIn(m, actor, input));
  }

  /** The enrolment itself, inside the caller's transaction (the spreadsheet import enrols cohorts this way). */
  async enrolIn(m: EntityManager, actor: Actor, input: EnrolTraineesInput): Promise<EnrolTraineesResult> {
    const cohort = await this.lockCohort(m, actor, input.cohortId);
    const errors: FieldError[] = [];
    const people: NewPerson[] = input.trainees.map((row, i) => ({
      id: randomUUID(),
      ...checkPerson(row, `input.trainees.${i}`, errors),
    }));
    const firstRowOf = new Map<string, number>();
    people.forEach((p, i) => {
      if (!p.idNumber) return;
      const first = firstRowOf.get(p.idNumber);
      if (first === undefined) firstRowOf.set(p.idNumber, i);
      else errors.push(TalentErrors.idNumberRepeated(`input.trainees.${i}.idNumber`, p.idNumber, first));
    });
    const taken = await takenIdNumbers(m, this.pii, cohort.park_id, [...firstRowOf.keys()]);
    people.forEach((p, i) => {
      if (p.idNumber && taken.has(p.idNumber))
        errors.push(TalentErrors.idNumberTaken(`input.trainees.${i}.idNumber`, p.idNumber));
    });
    if (errors.length) {
      const conflicts = errors.filter((e) => e.message.includes('already registered')).length;
      throw TalentErrors.rows(errors.sort(byRow), conflicts);
    }
    await insertPeople(m, this.pii, cohort.park_id, people);
    const ids = people.map((p) => p.id);
    await m.query(
      `INSERT INTO cohort_trainee (cohort_id, trainee_id, joined_on) SELECT $1, x.id, $3 FROM unnest($2::uuid[]) AS x(id)`,
      [cohort.id, ids, input.enrolledOn],
    );
    await m.query(
      `INSERT INTO trainee_status_event (trainee_id, status, effective_on, recorded_by)
       SELECT x.id, 'ENROLLED', $2, $3 FROM unnest($1::uuid[]) AS x(id)`,
      [ids, input.enrolledOn, actor.principal.name],
    );
    await writeAudit(
      m,
      actor,
      people.map((p) =>
        personAudit(p, cohort.park_id, { cohortId: cohort.id, status: TraineeStatus.ENROLLED }),
      ),
    );
    const rows = await m.query<TraineeRow[]>(
      `SELECT ${TRAINEE_COLUMNS} FROM trainee t WHERE t.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, toTrainee(r)]));
    return { enrolled: ids.length, trainees: ids.map((id) => byId.get(id)!) };
  }

  /**
   * Moves every trainee of the cohort (withdrawn ones excepted) to a status on a date. A trainee who is already there
   * or further, or whose current status is dated after `on`, refuses the whole move, with one error per such trainee:
   * `cohort.trainees.<row>` where row is the trainee's place in the cohort in name order.
   */
  async moveCohort(actor: Actor, input: MoveCohortInput): Promise<MoveCohortResult> {
    if (!COHORT_MOVES.has(input.status)) throw TalentErrors.cohortMoveStatus();
    return inTransaction(this.db, async (m) => {
      const cohort = await this.lockCohort(m, actor, input.cohortId);
      // Locked in id order (two concurrent moves of overlapping cohorts cannot deadlock), then read in name order.
      await m.query(
        `SELECT t.id FROM trainee t JOIN cohort_trainee ct ON ct.trainee_id = t.id WHERE ct.cohort_id = $1
         ORDER BY t.id FOR UPDATE OF t`,
        [cohort.id],
      );
      const members = await m.query<(CurrentStatus & { id: string; name: string })[]>(
        `SELECT t.id, t.name, e.status, e.effective_on::text AS effective_on
         FROM cohort_trainee ct JOIN trainee t ON t.id = ct.trainee_id
         LEFT JOIN LATERAL (SELECT status, effective_on FROM trainee_status_event e WHERE e.trainee_id = t.id
                            ORDER BY e.effective_on DESC, e.id DESC LIMIT 1) e ON true
         WHERE ct.cohort_id = $1 ORDER BY t.name, t.id`,
        [cohort.id],
      );
      const errors: FieldError[] = [];
      const moving: string[] = [];
      let withdrawn = 0;
      members.forEach((t, i) => {
        if (t.status === TraineeStatus.WITHDRAWN) {
          withdrawn++;
          return;
        }
        const field = `cohort.trainees.${i}`;
        const problem = moveProblem(
          t.status ? t : null,
          input.status,
          input.on,
          `${field}.status`,
          `${field}.on`,
        );
        if (problem)
          errors.push({
            field: problem.field,
            message: `trainee ${toGlobalId('Trainee', t.id)}: ${problem.message}`,
          });
        else moving.push(t.id);
      });
      if (errors.length) throw TalentErrors.rows(errors, 0);
      if (moving.length === 0) throw TalentErrors.emptyCohort();
      await m.query(
        `INSERT INTO trainee_status_event (trainee_id, status, effective_on, recorded_by)
         SELECT x.id, $2, $3, $4 FROM unnest($1::uuid[]) AS x(id)`,
        [moving, input.status, input.on, actor.principal.name],
      );
      await writeAudit(m, actor, [
        {
          entityType: 'Cohort',
          entityId: cohort.id,
          parkId: cohort.park_id,
          before: null,
          after: { movedTo: input.status, effectiveOn: input.on, trainees: moving.length },
        },
      ]);
      return { moved: moving.length, withdrawnSkipped: withdrawn };
    });
  }

  /** The cohort, locked against concurrent bulk changes; NOT_FOUND outside the actor's parks. */
  private async lockCohort(
    m: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ id: string; park_id: string }> {
    const [row] = await m.query<{ id: string; park_id: string }[]>(
      'SELECT id, park_id FROM cohort WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2)) FOR NO KEY UPDATE',
      [id, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('Cohort', id);
    return row;
  }
}

/** Errors in row order (`input.trainees.10` after `input.trainees.9`), then by field. */
function byRow(a: FieldError, b: FieldError): number {
  const row = (f: FieldError) => Number(/\.(\d+)/.exec(f.field)?.[1] ?? -1);
  return row(a) - row(b) || a.field.localeCompare(b.field);
}
