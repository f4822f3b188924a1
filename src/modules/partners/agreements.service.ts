import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { updateVersioned } from '../../common/entities/versioned-update';
import { NotFoundError } from '../../common/errors/app-error';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { AppConfig } from '../../config/app-config';
import { inTransaction } from '../../database/transaction';
import { today } from '../../graphql/scalars/date.scalar';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { agreementStatusSql } from './agreement-sql';
import {
  AgreementRow,
  ObligationRow,
  PartyRow,
  toAgreement,
  toObligation,
  toParty,
} from './agreement.mappers';
import { Agreement, AgreementParty, Obligation } from './agreement.models';
import {
  AddObligationInput,
  AgreementListArgs,
  AgreementsExpiringArgs,
  CreateAgreementInput,
  ObligationInput,
  RecordObligationProgressInput,
  TerminateAgreementInput,
  UpdateAgreementInput,
} from './dto/agreement.inputs';
import { obligationProgressSql } from './obligation-metrics';
import { ObligationMetric } from './partner.enums';
import { AgreementErrors } from './partners.errors';

/** Obligations with their progress on $2 (a date): the window is the agreement's start to min(due date, asOf). */
const OBLIGATIONS_WITH_PROGRESS = `
  SELECT w.id, w.agreement_id, w.description, w.metric, w.target, w.due_on, w.version, w.created_at,
         ${obligationProgressSql()} AS progress
  FROM (SELECT o.*, a.park_id, a.starts_on AS from_on, least($2::date, coalesce(o.due_on, $2::date)) AS to_on
        FROM obligation o JOIN agreement a ON a.id = o.agreement_id) w`;

@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** `SELECT a.*, status` for agreements aliased `a`, with the asOf date at `$asOf` and the notice at `$notice`. */
  private select(asOf: string, notice: string): string {
    return `SELECT a.*, ${agreementStatusSql('a', asOf, notice)} AS status FROM agreement a`;
  }

  get noticeDays(): number {
    return this.config.AGREEMENT_NOTICE_DAYS;
  }

  async byIds(ids: readonly string[], asOf: string): Promise<(Agreement | null)[]> {
    const rows = await this.db.query<AgreementRow[]>(`${this.select('$2', '$3')} WHERE a.id = ANY($1)`, [
      ids,
      asOf,
      this.noticeDays,
    ]);
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toAgreement(r, asOf),
    );
  }

  /** Batch for `node(id:)`: obligations by id in the given parks (null: every park), as of a date. */
  obligationsByIds(ids: readonly string[], parkIds: string[] | null, asOf: string): Promise<ObligationRow[]> {
    return this.db.query<ObligationRow[]>(
      `${OBLIGATIONS_WITH_PROGRESS} WHERE w.id = ANY($1) AND ($3::uuid[] IS NULL OR w.park_id = ANY($3))`,
      [ids, asOf, parkIds],
    );
  }

  /** The agreement renewing each of `ids` (null when none). */
  async renewalsOf(ids: readonly string[], asOf: string): Promise<(Agreement | null)[]> {
    const rows = await this.db.query<AgreementRow[]>(
      `${this.select('$2', '$3')} WHERE a.renews_id = ANY($1)`,
      [ids, asOf, this.noticeDays],
    );
    return oneByKey(
      ids,
      rows,
      (r) => r.renews_id!,
      (r) => toAgreement(r, asOf),
    );
  }

  async partiesOf(ids: readonly string[]): Promise<AgreementParty[][]> {
    const rows = await this.db.query<PartyRow[]>(
      `SELECT p.agreement_id, p.institution_id, p.enterprise_id FROM agreement_party p
       LEFT JOIN institution i ON i.id = p.institution_id LEFT JOIN enterprise e ON e.id = p.enterprise_id
       WHERE p.agreement_id = ANY($1) ORDER BY p.agreement_id, coalesce(i.name, e.name), p.id`,
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.agreement_id, toParty);
  }

  async obligationsOf(ids: readonly string[], asOf: string): Promise<Obligation[][]> {
    const rows = await this.db.query<ObligationRow[]>(
      `${OBLIGATIONS_WITH_PROGRESS} WHERE w.agreement_id = ANY($1) ORDER BY w.agreement_id, w.due_on NULLS LAST, w.description, w.id`,
      [ids, asOf],
    );
    return manyByKey(
      ids,
      rows,
      (r) => r.agreement_id,
      (r) => toObligation(r, asOf),
    );
  }

  async find(actor: Actor, id: string, asOf = today()): Promise<Agreement | null> {
    const [row] = await this.db.query<AgreementRow[]>(
      `${this.select('$3', '$4')} WHERE a.id = $1 AND ($2::uuid[] IS NULL OR a.park_id = ANY($2))`,
      [id, parkScope(actor), asOf, this.noticeDays],
    );
    return row ? toAgreement(row, asOf) : null;
  }

  async list(actor: Actor, args: AgreementListArgs): Promise<Connection<Agreement>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const sort: KeysetSort = {
      expression: 'a.starts_on',
      key: 'sort_key',
      direction: SortDirection.DESC,
      nullable: false,
      idExpression: 'a.id',
      idKey: 'id',
      cursor: { list: 'agreements', order: 'STARTS_ON_DESC', value: 'date', id: 'uuid' },
    };
    const status = agreementStatusSql('a', ':asOf', ':notice');
    const q = this.db
      .createQueryBuilder()
      .from('agreement', 'a')
      .select('a.*')
      .addSelect(status, 'status')
      .addSelect(sort.expression, 'sort_key')
      .setParameters({ asOf, notice: this.noticeDays });
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('a.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('a.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.kind) q.andWhere('a.kind = :kind', { kind: f.kind });
    if (f.status) q.andWhere(`(${status}) = :status`, { status: f.status });
    if (f.institutionId) {
      q.andWhere(
        'EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.institution_id = :inst)',
        {
          inst: f.institutionId,
        },
      );
    }
    return paginate<AgreementRow & { sort_key: unknown }, Agreement>(q, sort, args, (r) =>
      toAgreement(r, asOf),
    );
  }

  /** Agreements in force on asOf whose term ends within `withinDays` after it, soonest first. */
  async expiring(actor: Actor, args: AgreementsExpiringArgs): Promise<Agreement[]> {
    const asOf = args.asOf ?? today();
    const within = args.withinDays ?? this.noticeDays;
    const rows = await this.db.query<AgreementRow[]>(
      `SELECT * FROM (${this.select('$3', '$4')}
         WHERE a.park_id = (SELECT id FROM park WHERE code = $1 AND ($2::uuid[] IS NULL OR id = ANY($2)))
           AND a.ends_on BETWEEN $3::date AND $3::date + $5::int
           AND NOT EXISTS (SELECT 1 FROM agreement r WHERE r.renews_id = a.id AND r.signed_on <= $3::date)) x
       WHERE x.status IN ('ACTIVE', 'EXPIRING') ORDER BY x.ends_on, x.title, x.id`,
      [args.parkCode, parkScope(actor), asOf, this.noticeDays, within],
    );
    return rows.map((r) => toAgreement(r, asOf));
  }

  /** Obligations in the actor's parks due before asOf whose progress is below target, oldest due first. */
  async overdue(actor: Actor, asOf = today()): Promise<Obligation[]> {
    const rows = await this.db.query<ObligationRow[]>(
      `SELECT * FROM (${OBLIGATIONS_WITH_PROGRESS}
         WHERE ($1::uuid[] IS NULL OR w.park_id = ANY($1)) AND w.due_on < $2::date AND w.target IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM agreement a WHERE a.id = w.agreement_id
                           AND (a.terminated_on <= w.due_on OR a.signed_on IS NULL))) x
       WHERE coalesce(x.progress, 0) < x.target ORDER BY x.due_on, x.id`,
      [parkScope(actor), asOf],
    );
    return rows.map((r) => toObligation(r, asOf));
  }

  async create(actor: Actor, input: CreateAgreementInput): Promise<Agreement> {
    const institutionIds = [...new Set(input.institutionIds ?? [])];
    const enterpriseIds = [...new Set(input.enterpriseIds ?? [])];
    if (institutionIds.length + enterpriseIds.length === 0) throw AgreementErrors.noParty();
    if (input.endsOn && input.endsOn < input.startsOn) throw AgreementErrors.endsBeforeStart();
    try {
      return await inTransaction(this.db, async (m) => {
        const parkId = await requireParkId(m, actor, input.parkCode);
        await this.requireInPark(m, 'institution', 'Institution', institutionIds, parkId);
        await this.requireInPark(m, 'enterprise', 'Enterprise', enterpriseIds, parkId);
        if (input.renewsId) {
          const [renewed] = await m.query<{ starts_on: string }[]>(
            'SELECT starts_on FROM agreement WHERE id = $1 AND park_id = $2 FOR NO KEY UPDATE',
            [input.renewsId, parkId],
          );
          if (!renewed) throw new NotFoundError('Agreement', input.renewsId);
          if (input.startsOn <= renewed.starts_on)
            throw AgreementErrors.renewalStartsBefore(renewed.starts_on);
        }
        const [row] = await m.query<{ id: string }[]>(
          `INSERT INTO agreement (park_id, title, kind, signed_on, starts_on, ends_on, renews_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            parkId,
            input.title,
            input.kind,
            input.signedOn ?? null,
            input.startsOn,
            input.endsOn ?? null,
            input.renewsId ?? null,
          ],
        );
        await m.query(
          `INSERT INTO agreement_party (park_id, agreement_id, institution_id, enterprise_id)
           SELECT $1::uuid, $2::uuid, unnest($3::uuid[]), NULL::uuid UNION ALL SELECT $1, $2, NULL, unnest($4::uuid[])`,
          [parkId, row.id, institutionIds, enterpriseIds],
        );
        await this.insertObligations(m, row.id, input.obligations ?? []);
        const created = await this.readIn(m, row.id);
        await writeAudit(m, actor, [
          {
            entityType: 'Agreement',
            entityId: row.id,
            parkId,
            before: null,
            after: { ...created, institutionIds, enterpriseIds, obligations: input.obligations ?? [] },
          },
        ]);
        return created;
      });
    } catch (error) {
      if (pgError(error).code === PG_UNIQUE_VIOLATION) throw AgreementErrors.alreadyRenewed();
      throw error;
    }
  }

  async update(actor: Actor, input: UpdateAgreementInput): Promise<Agreement> {
    return inTransaction(this.db, async (m) => {
      const { before, after } = await updateVersioned<AgreementRow>(m, {
        table: 'agreement',
        label: 'Agreement',
        id: input.id,
        version: input.version,
        parkIds: parkScope(actor),
        columns: { title: input.title, signed_on: input.signedOn, ends_on: input.endsOn },
      });
      if (after.ends_on !== null && after.ends_on < after.starts_on) throw AgreementErrors.endsBeforeStart();
      await writeAudit(m, actor, [
        { entityType: 'Agreement', entityId: after.id, parkId: after.park_id, before, after },
      ]);
      return this.readIn(m, after.id);
    });
  }

  async terminate(actor: Actor, input: TerminateAgreementInput): Promise<Agreement> {
    return inTransaction(this.db, async (m) => {
      const [current] = await m.query<AgreementRow[]>(
        'SELECT * FROM agreement WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2))',
        [input.id, parkScope(actor)],
      );
      if (!current) throw new NotFoundError('Agreement', input.id);
      if (current.terminated_on) throw AgreementErrors.alreadyTerminated(current.terminated_on);
      if (!current.signed_on) throw AgreementErrors.notSigned();
      if (input.on < current.starts_on) throw AgreementErrors.terminationBeforeStart(current.starts_on);
      const { before, after } = await updateVersioned<AgreementRow>(m, {
        table: 'agreement',
        label: 'Agreement',
        id: input.id,
        version: input.version,
        parkIds: parkScope(actor),
        columns: { terminated_on: input.on, termination_reason: input.reason },
      });
      await writeAudit(m, actor, [
        {
          entityType: 'Agreement',
          entityId: after.id,
          parkId: after.park_id,
          before,
          after,
          reason: input.reason,
        },
      ]);
      return this.readIn(m, after.id);
    });
  }

  async addObligation(actor: Actor, input: AddObligationInput): Promise<Obligation> {
    return inTransaction(this.db, async (m) => {
      const [agreement] = await m.query<{ id: string; park_id: string }[]>(
        'SELECT id, park_id FROM agreement WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2)) FOR NO KEY UPDATE',
        [input.agreementId, parkScope(actor)],
      );
      if (!agreement) throw new NotFoundError('Agreement', input.agreementId);
      const [id] = await this.insertObligations(m, agreement.id, [input]);
      const obligation = await this.obligationIn(m, id);
      await writeAudit(m, actor, [
        {
          entityType: 'Obligation',
          entityId: id,
          parkId: agreement.park_id,
          before: null,
          after: obligation,
        },
      ]);
      return obligation;
    });
  }

  async recordProgress(actor: Actor, input: RecordObligationProgressInput): Promise<Obligation> {
    return inTransaction(this.db, async (m) => {
      const [row] = await m.query<{ metric: ObligationMetric; park_id: string }[]>(
        `SELECT o.metric, a.park_id FROM obligation o JOIN agreement a ON a.id = o.agreement_id
         WHERE o.id = $1 AND ($2::uuid[] IS NULL OR a.park_id = ANY($2))`,
        [input.id, parkScope(actor)],
      );
      if (!row) throw new NotFoundError('Obligation', input.id);
      if (row.metric !== ObligationMetric.MANUAL) throw AgreementErrors.notManual();
      const { before, after } = await updateVersioned<{ id: string; version: number }>(m, {
        table: 'obligation',
        label: 'Obligation',
        id: input.id,
        version: input.version,
        parkIds: null,
        columns: { manual_progress: input.progress },
      });
      await writeAudit(m, actor, [
        { entityType: 'Obligation', entityId: after.id, parkId: row.park_id, before, after },
      ]);
      return this.obligationIn(m, after.id);
    });
  }

  private async insertObligations(
    m: EntityManager,
    agreementId: string,
    list: ObligationInput[],
  ): Promise<string[]> {
    if (list.length === 0) return [];
    const rows = await m.query<{ id: string }[]>(
      `INSERT INTO obligation (agreement_id, description, metric, target, due_on)
       SELECT $1, x.description, x.metric::obligation_metric, x.target, x.due_on
       FROM jsonb_to_recordset($2::jsonb) AS x(description text, metric text, target numeric, due_on date)
       RETURNING id`,
      [
        agreementId,
        JSON.stringify(
          list.map((o) => ({
            description: o.description,
            metric: o.metric ?? ObligationMetric.MANUAL,
            target: o.target ?? null,
            due_on: o.dueOn ?? null,
          })),
        ),
      ],
    );
    return rows.map((r) => r.id);
  }

  private async requireInPark(
    m: EntityManager,
    table: 'institution' | 'enterprise',
    label: string,
    ids: string[],
    parkId: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const found = await m.query<{ id: string }[]>(
      `SELECT id FROM ${table} WHERE id = ANY($1) AND park_id = $2`,
      [ids, parkId],
    );
    const missing = ids.find((id) => !found.some((f) => f.id === id));
    if (missing) throw new NotFoundError(label, missing);
  }

  private async readIn(m: EntityManager, id: string): Promise<Agreement> {
    const asOf = today();
    const [row] = await m.query<AgreementRow[]>(`${this.select('$2', '$3')} WHERE a.id = $1`, [
      id,
      asOf,
      this.noticeDays,
    ]);
    return toAgreement(row, asOf);
  }

  private async obligationIn(m: EntityManager, id: string): Promise<Obligation> {
    const asOf = today();
    const [row] = await m.query<ObligationRow[]>(`${OBLIGATIONS_WITH_PROGRESS} WHERE w.id = $1`, [id, asOf]);
    return toObligation(row, asOf);
  }
}
