import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, FieldError, NotFoundError, UserInputError } from '../../common/errors/app-error';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { inTransaction } from '../../database/transaction';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { CreateTraineeInput, MoveTraineeInput } from './dto/trainee.inputs';
import { PiiCipher } from './pii/pii-cipher';
import { sealResidentId } from './pii/resident-id-seal';
import { TraineeStatus } from './talent.enums';
import { TalentErrors } from './talent.errors';
import { toTrainee, TraineeRow } from './talent.mappers';
import { TRAINEE_COLUMNS } from './talent-sql';
import { checkPerson, CheckedPerson, CurrentStatus, moveProblem } from './trainee-rules';
import { Trainee } from './trainee.models';

/** What `erased` trainees show as their name. */
export const ERASED_NAME = '(erased)';

/** The people rows of a write, with ids chosen here so that later statements can refer to them. */
export interface NewPerson extends CheckedPerson {
  id: string;
}

/**
 * Writes trainees in ONE statement whatever their number (unnest of typed arrays), ID numbers sealed. A concurrent
 * insert of the same ID number answers CONFLICT (the unique index decides), never a 500.
 */
export async function insertPeople(
  m: EntityManager,
  pii: PiiCipher,
  parkId: string,
  people: NewPerson[],
): Promise<void> {
  const sealed = people.map((p) => (p.idNumber ? sealResidentId(pii, p.idNumber) : null));
  try {
    await m.query(
      `INSERT INTO trainee (id, park_id, name, gender, birth_on, id_number_cipher, id_number_hash, id_number_last4, phone, home_region)
       SELECT x.id, $1, x.name, x.gender, x.birth_on, x.cipher, x.hash, x.last4, x.phone, x.home_region
       FROM unnest($2::uuid[], $3::text[], $4::gender[], $5::date[], $6::bytea[], $7::bytea[], $8::text[], $9::text[],
                   $10::home_region[]) AS x(id, name, gender, birth_on, cipher, hash, last4, phone, home_region)`,
      [
        parkId,
        people.map((p) => p.id),
        people.map((p) => p.name),
        people.map((p) => p.gender),
        people.map((p) => p.birthOn),
        sealed.map((s) => s?.cipher ?? null),
        sealed.map((s) => s?.hash ?? null),
        sealed.map((s) => s?.last4 ?? null),
        people.map((p) => p.phone),
        people.map((p) => p.homeRegion),
      ],
    );
  } catch (error) {
    if (pgError(error).code === PG_UNIQUE_VIOLATION)
      throw new ConflictError(
        'A person with one of these ID numbers was registered by a concurrent request',
        {
          field: 'idNumber',
        },
      );
    throw error;
  }
}

/** Which of these ID numbers the park already holds (compared by keyed hash). */
export async function takenIdNumbers(
  m: EntityManager,
  pii: PiiCipher,
  parkId: string,
  idNumbers: string[],
): Promise<Set<string>> {
  if (idNumbers.length === 0) return new Set();
  const hashes = idNumbers.map((id) => pii.hash(id));
  const rows = await m.query<{ h: Buffer }[]>(
    'SELECT id_number_hash AS h FROM trainee WHERE park_id = $1 AND id_number_hash = ANY($2::bytea[])',
    [parkId, hashes],
  );
  const taken = new Set(rows.map((r) => r.h.toString('hex')));
  return new Set(idNumbers.filter((_, i) => taken.has(hashes[i].toString('hex'))));
}

/** Audit entries of people: ids and non-personal facts only (the trail is append-only and outlives an erasure). */
export const personAudit = (p: NewPerson, parkId: string, extra: object = {}) => ({
  entityType: 'Trainee',
  entityId: p.id,
  parkId,
  before: null,
  after: { homeRegion: p.homeRegion, hasIdNumber: p.idNumber !== null, hasPhone: p.phone !== null, ...extra },
});

/** One person at a time: create, move, erase. */
@Injectable()
export class TraineeWritesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pii: PiiCipher,
  ) {}

  async create(actor: Actor, input: CreateTraineeInput): Promise<Trainee> {
    const errors: FieldError[] = [];
    const person: NewPerson = { id: randomUUID(), ...checkPerson(input, 'input', errors) };
    if (errors.length) throw new UserInputError(errors);
    const status = input.status ?? (input.cohortId ? TraineeStatus.APPLIED : undefined);
    if (status && (!input.cohortId || ![TraineeStatus.APPLIED, TraineeStatus.ENROLLED].includes(status)))
      throw TalentErrors.firstStatus();
    return inTransaction(this.db, async (m) => {
      const parkId = await requireParkId(m, actor, input.parkCode);
      if (input.cohortId) {
        const [cohort] = await m.query<{ id: string }[]>(
          'SELECT id FROM cohort WHERE id = $1 AND park_id = $2',
          [input.cohortId, parkId],
        );
        if (!cohort) throw new NotFoundError('Cohort', input.cohortId);
      }
      if (person.idNumber && (await takenIdNumbers(m, this.pii, parkId, [person.idNumber])).size)
        throw new ConflictError(TalentErrors.idNumberTaken('input.idNumber', person.idNumber).message, {
          field: 'idNumber',
        });
      await insertPeople(m, this.pii, parkId, [person]);
      const on = input.on ?? new Date().toISOString().slice(0, 10);
      if (input.cohortId && status) {
        await m.query('INSERT INTO cohort_trainee (cohort_id, trainee_id, joined_on) VALUES ($1, $2, $3)', [
          input.cohortId,
          person.id,
          on,
        ]);
        await m.query(
          'INSERT INTO trainee_status_event (trainee_id, status, effective_on, recorded_by) VALUES ($1, $2, $3, $4)',
          [person.id, status, on, actor.principal.name],
        );
      }
      await writeAudit(m, actor, [
        personAudit(person, parkId, { cohortId: input.cohortId ?? null, status: status ?? null }),
      ]);
      return this.read(m, person.id);
    });
  }

  async move(actor: Actor, input: MoveTraineeInput): Promise<Trainee> {
    const placed = input.status === TraineeStatus.PLACED;
    if (placed !== Boolean(input.enterpriseId && input.position)) throw TalentErrors.placementDetails();
    if (!placed && (input.enterpriseId || input.position)) throw TalentErrors.placementDetails();
    if ((input.status === TraineeStatus.WITHDRAWN) !== Boolean(input.reason))
      throw TalentErrors.withdrawalReason();
    return inTransaction(this.db, async (m) => {
      const trainee = await this.lock(m, actor, input.traineeId);
      if (placed) {
        const [e] = await m.query<{ id: string }[]>(
          'SELECT id FROM enterprise WHERE id = $1 AND park_id = $2',
          [input.enterpriseId, trainee.park_id],
        );
        if (!e) throw TalentErrors.enterpriseNotInPark();
      }
      const [current] = await m.query<CurrentStatus[]>(
        `SELECT status, effective_on::text AS effective_on FROM trainee_status_event WHERE trainee_id = $1
         ORDER BY effective_on DESC, id DESC LIMIT 1`,
        [trainee.id],
      );
      const problem = moveProblem(current ?? null, input.status, input.on, 'input.status', 'input.on');
      if (problem) throw new UserInputError([problem]);
      await m.query(
        `INSERT INTO trainee_status_event (trainee_id, status, effective_on, enterprise_id, position, reason, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          trainee.id,
          input.status,
          input.on,
          input.enterpriseId ?? null,
          input.position ?? null,
          input.reason ?? null,
          actor.principal.name,
        ],
      );
      await writeAudit(m, actor, [
        {
          entityType: 'Trainee',
          entityId: trainee.id,
          parkId: trainee.park_id,
          before: { status: current?.status ?? null },
          after: { status: input.status, effectiveOn: input.on, enterpriseId: input.enterpriseId ?? null },
          reason: input.reason ?? null,
        },
      ]);
      return this.read(m, trainee.id);
    });
  }

  /**
   * Erasure on request (PIPL art. 47): name, gender, birth date, ID number, phone and home region go; certificate
   * numbers and withdrawal reasons too. Status history, memberships, certificate levels and contest results stay, so
   * the anonymous counts do not change.
   */
  async erase(actor: Actor, id: string): Promise<Trainee> {
    return inTransaction(this.db, async (m) => {
      const trainee = await this.lock(m, actor, id);
      await m.query(
        `UPDATE trainee SET name = $2, gender = NULL, birth_on = NULL, id_number_cipher = NULL, id_number_hash = NULL,
                id_number_last4 = NULL, phone = NULL, home_region = NULL, erased_at = now(), version = version + 1,
                updated_at = now()
         WHERE id = $1`,
        [id, ERASED_NAME],
      );
      await m.query('UPDATE certification SET certificate_number = NULL WHERE trainee_id = $1', [id]);
      await m.query(
        `UPDATE trainee_status_event SET reason = '(erased)' WHERE trainee_id = $1 AND reason IS NOT NULL`,
        [id],
      );
      await writeAudit(m, actor, [
        {
          entityType: 'Trainee',
          entityId: id,
          parkId: trainee.park_id,
          before: { erased: false },
          after: { erased: true },
        },
      ]);
      return this.read(m, id);
    });
  }

  /** The trainee, locked for this transaction; NOT_FOUND outside the actor's parks; CONFLICT once erased. */
  private async lock(m: EntityManager, actor: Actor, id: string): Promise<{ id: string; park_id: string }> {
    const [row] = await m.query<{ id: string; park_id: string; erased_at: Date | null }[]>(
      `SELECT id, park_id, erased_at FROM trainee WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2)) FOR UPDATE`,
      [id, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('Trainee', id);
    if (row.erased_at) throw TalentErrors.erased();
    return row;
  }

  private async read(m: EntityManager, id: string): Promise<Trainee> {
    const [row] = await m.query<TraineeRow[]>(`SELECT ${TRAINEE_COLUMNS} FROM trainee t WHERE t.id = $1`, [
      id,
    ]);
    return toTrainee(row);
  }
}
