import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { updateVersioned } from '../../common/entities/versioned-update';
import { ConflictError, NotFoundError } from '../../common/errors/app-error';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { inTransaction } from '../../database/transaction';
import { jsonProjectionSql, SqlParams, type JsonSelection } from '../../graphql/json-projection';
import { today } from '../../graphql/scalars/date.scalar';
import { ActorKind } from '../access/access.enums';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { ResolvedLeaseInput } from '../tenancies/lease-keys';
import { TenanciesService } from '../tenancies/tenancies.service';
import { Tenancy } from '../tenancies/tenancy.models';
import {
  AdvanceLeadInput,
  ConvertLeadInput,
  CreateLeadInput,
  FollowUpsDueArgs,
  LeadListArgs,
  UpdateLeadInput,
} from './dto/recruitment.inputs';
import { LeadStage, STAGE_RANK } from './recruitment.enums';
import { RecruitmentErrors } from './recruitment.errors';
import { LeadRow, StageChangeRow, toLead, toOpening, toStageChange } from './recruitment.mappers';
import { Lead, LeadOpening, LeadStageChange } from './recruitment.models';

/** Leads with their owner's name. */
const LEAD_SELECT =
  'SELECT l.*, u.display_name AS owner_name FROM lead l LEFT JOIN app_user u ON u.id = l.owner_id';

/** What convertLead returns. */
export interface Conversion {
  lead: Lead;
  tenancies: Tenancy[];
}

@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenancies: TenanciesService,
  ) {}

  async byIds(ids: readonly string[], asOf: string): Promise<(Lead | null)[]> {
    const rows = await this.db.query<LeadRow[]>(`${LEAD_SELECT} WHERE l.id = ANY($1)`, [ids]);
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toLead(r, asOf),
    );
  }

  async historyOf(ids: readonly string[]): Promise<LeadStageChange[][]> {
    const rows = await this.db.query<StageChangeRow[]>(
      `SELECT id, lead_id, stage, effective_on, note FROM lead_stage_event WHERE lead_id = ANY($1)
       ORDER BY lead_id, effective_on, stage`,
      [ids],
    );
    return manyByKey(ids, rows, (r) => r.lead_id, toStageChange);
  }

  /** Per enterprise id: its most advanced held stage on asOf and its first fitting-out and operating dates. */
  async openingOf(enterpriseIds: readonly string[], asOf: string): Promise<(LeadOpening | null)[]> {
    const rows = await this.db.query<
      {
        enterprise_id: string;
        stage: never;
        fitting_out_from: string | null;
        operating_from: string | null;
      }[]
    >(
      `SELECT t.enterprise_id,
              max(CASE WHEN t.starts_on <= $2 AND (t.ends_on IS NULL OR t.ends_on > $2) THEN
                    CASE WHEN t.operating_from <= $2 THEN 3 WHEN t.fitting_out_from <= $2 THEN 2 ELSE 1 END END) AS rank,
              min(coalesce(t.fitting_out_from, t.operating_from)) FILTER (WHERE coalesce(t.fitting_out_from, t.operating_from) <= $2) AS fitting_out_from,
              min(t.operating_from) FILTER (WHERE t.operating_from <= $2) AS operating_from
       FROM tenancy t WHERE t.enterprise_id = ANY($1) GROUP BY t.enterprise_id`,
      [enterpriseIds, asOf],
    );
    const STAGES = [null, 'RESERVED', 'FITTING_OUT', 'OPERATING'] as const;
    return oneByKey(
      enterpriseIds,
      rows,
      (r) => r.enterprise_id,
      (r) => toOpening({ ...r, stage: STAGES[(r as unknown as { rank: number | null }).rank ?? 0] as never }),
    );
  }

  /** Batch (node/nodes): the leads of `ids` within the caller's parks, in no order; one statement. */
  async findMany(actor: Actor, ids: readonly string[]): Promise<Lead[]> {
    const rows = await this.db.query<LeadRow[]>(
      `${LEAD_SELECT} WHERE l.id = ANY($1) AND ($2::uuid[] IS NULL OR l.park_id = ANY($2))`,
      [ids, parkScope(actor)],
    );
    const on = today();
    return rows.map((row) => toLead(row, on));
  }

  async find(actor: Actor, id: string): Promise<Lead | null> {
    const [row] = await this.db.query<LeadRow[]>(
      `${LEAD_SELECT} WHERE l.id = $1 AND ($2::uuid[] IS NULL OR l.park_id = ANY($2))`,
      [id, parkScope(actor)],
    );
    return row ? toLead(row, today()) : null;
  }

  async list(actor: Actor, args: LeadListArgs, nodes?: JsonSelection | null): Promise<Connection<Lead>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const sort: KeysetSort = {
      expression: 'l.name',
      key: 'sort_key',
      direction: SortDirection.ASC,
      nullable: false,
      idExpression: 'l.id',
      idKey: 'id',
      cursor: { list: 'leads', order: 'NAME_ASC', value: 'text', id: 'uuid' },
    };
    const q = this.db
      .createQueryBuilder()
      .from('lead', 'l')
      .leftJoin('app_user', 'u', 'u.id = l.owner_id')
      .select('l.*')
      .addSelect('u.display_name', 'owner_name')
      .addSelect(sort.expression, 'sort_key');
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('l.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('l.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.stage) q.andWhere('l.stage = :stage', { stage: f.stage });
    if (f.ownerId) q.andWhere('l.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.eventId) {
      q.andWhere('EXISTS (SELECT 1 FROM lead_event le WHERE le.lead_id = l.id AND le.event_id = :eventId)', {
        eventId: f.eventId,
      });
    }
    if (nodes) {
      // The nodes as PostgreSQL builds them from the selection (lead.json-sql.ts): one JSON value per row.
      const params = new SqlParams();
      q.select(sort.expression, 'sort_key')
        .addSelect('l.id', 'id')
        .addSelect(jsonProjectionSql(nodes, 'l', params), 'node')
        .setParameters(params.values);
      return paginate<{ sort_key: unknown; id: string; node: Lead }, Lead>(q, sort, args, (r) => r.node);
    }
    return paginate<LeadRow & { sort_key: unknown }, Lead>(q, sort, args, (r) => toLead(r, asOf));
  }

  /** Open leads (not CONVERTED or LOST) of an owner whose next follow-up is due on or before asOf, oldest first. */
  async followUpsDue(actor: Actor, args: FollowUpsDueArgs): Promise<Lead[]> {
    const asOf = args.asOf ?? today();
    const ownerId = args.ownerId ?? (actor.principal.kind === ActorKind.USER ? actor.principal.id : null);
    const rows = await this.db.query<LeadRow[]>(
      `${LEAD_SELECT} WHERE ($1::uuid[] IS NULL OR l.park_id = ANY($1)) AND l.owner_id = $2
         AND l.next_follow_up_on <= $3 AND l.stage NOT IN ('CONVERTED', 'LOST')
       ORDER BY l.next_follow_up_on, l.name, l.id`,
      [parkScope(actor), ownerId, asOf],
    );
    return rows.map((r) => toLead(r, asOf));
  }

  async create(actor: Actor, input: CreateLeadInput): Promise<Lead> {
    return inTransaction(this.db, async (m) => {
      const parkId = await requireParkId(m, actor, input.parkCode);
      const ownerId =
        input.ownerId !== undefined
          ? input.ownerId
          : actor.principal.kind === ActorKind.USER
            ? actor.principal.id
            : null;
      if (ownerId) await this.requireUser(m, ownerId);
      const createdOn = input.createdOn ?? today();
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO lead (park_id, name, credit_code, industry, origin_province, origin_city, contact_name,
                           contact_phone, owner_id, stage, created_on, stage_on, next_follow_up_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'NEW', $10, $10, $11) RETURNING id`,
        [
          parkId,
          input.name,
          input.creditCode ?? null,
          input.industry,
          input.originProvince ?? null,
          input.originCity ?? null,
          input.contactName ?? null,
          input.contactPhone ?? null,
          ownerId,
          createdOn,
          input.nextFollowUpOn ?? null,
        ],
      );
      await m.query(`INSERT INTO lead_stage_event (lead_id, stage, effective_on) VALUES ($1, 'NEW', $2)`, [
        row.id,
        createdOn,
      ]);
      await this.linkEvents(m, row.id, parkId, input.eventIds ?? []);
      const lead = await this.readIn(m, row.id);
      await writeAudit(m, actor, [
        {
          entityType: 'Lead',
          entityId: lead.id,
          parkId,
          before: null,
          after: { ...lead, eventIds: input.eventIds ?? [] },
        },
      ]);
      return lead;
    });
  }

  async update(actor: Actor, input: UpdateLeadInput): Promise<Lead> {
    return inTransaction(this.db, async (m) => {
      if (input.ownerId) await this.requireUser(m, input.ownerId);
      const { before, after } = await updateVersioned<LeadRow>(m, {
        table: 'lead',
        label: 'Lead',
        id: input.id,
        version: input.version,
        parkIds: parkScope(actor),
        columns: {
          name: input.name,
          credit_code: input.creditCode,
          contact_name: input.contactName,
          contact_phone: input.contactPhone,
          owner_id: input.ownerId,
          next_follow_up_on: input.nextFollowUpOn,
        },
      });
      await this.linkEvents(m, after.id, after.park_id, input.addEventIds ?? []);
      await writeAudit(m, actor, [
        {
          entityType: 'Lead',
          entityId: after.id,
          parkId: after.park_id,
          before,
          after: { ...after, ...(input.addEventIds?.length ? { addedEventIds: input.addEventIds } : {}) },
        },
      ]);
      return this.readIn(m, after.id);
    });
  }

  /** Forward only (skipping stages is allowed), LOST from any open stage, CONVERTED only through convert(). */
  async advance(actor: Actor, input: AdvanceLeadInput): Promise<Lead> {
    return inTransaction(this.db, async (m) => {
      const current = await this.lockInScope(m, actor, input.id);
      this.assertOpen(current);
      if (input.stage === LeadStage.CONVERTED) throw RecruitmentErrors.useConvert();
      if (input.stage === LeadStage.LOST) {
        if (!input.note) throw RecruitmentErrors.lostNeedsReason();
      } else if (STAGE_RANK[input.stage] <= STAGE_RANK[current.stage]) {
        const allowed = Object.values(LeadStage).filter(
          (s) =>
            s === LeadStage.LOST || (s !== LeadStage.CONVERTED && STAGE_RANK[s] > STAGE_RANK[current.stage]),
        );
        throw RecruitmentErrors.notForward(current.stage, input.stage, allowed);
      }
      if (input.effectiveOn < current.stage_on) throw RecruitmentErrors.beforeCurrent(current.stage_on);
      const lost = input.stage === LeadStage.LOST;
      const { before, after } = await updateVersioned<LeadRow>(m, {
        table: 'lead',
        label: 'Lead',
        id: input.id,
        version: input.version,
        parkIds: parkScope(actor),
        columns: {
          stage: input.stage,
          stage_on: input.effectiveOn,
          lost_reason: lost ? input.note : undefined,
          next_follow_up_on: lost ? null : input.nextFollowUpOn,
        },
      });
      await m.query(
        'INSERT INTO lead_stage_event (lead_id, stage, effective_on, note) VALUES ($1, $2, $3, $4)',
        [input.id, input.stage, input.effectiveOn, input.note ?? null],
      );
      await writeAudit(m, actor, [
        { entityType: 'Lead', entityId: after.id, parkId: after.park_id, before, after, reason: input.note },
      ]);
      return this.readIn(m, after.id);
    });
  }

  /**
   * All or nothing, in one transaction: finds or registers the enterprise, leases the units through the tenancies
   * module's own lease (TenanciesService.leaseIn), and marks the lead CONVERTED. A unit already taken rolls all of it
   * back: no enterprise, no tenancy, the lead unchanged.
   */
  async convert(actor: Actor, input: ConvertLeadInput): Promise<Conversion> {
    if (input.enterpriseId && input.enterpriseCreditCode) throw RecruitmentErrors.bothEnterpriseKeys();
    let lease: ResolvedLeaseInput | undefined;
    try {
      return await inTransaction(this.db, async (m) => {
        const lead = await this.lockInScope(m, actor, input.id);
        if (lead.version !== input.version) {
          throw new ConflictError(
            `Lead ${lead.name} was changed by someone else (version ${lead.version}, you sent ${input.version})`,
            {
              field: 'version',
              currentVersion: lead.version,
            },
          );
        }
        this.assertOpen(lead);
        if (lead.stage !== LeadStage.SIGNED) throw RecruitmentErrors.notSigned(lead.stage);
        if (input.startsOn < lead.stage_on) throw RecruitmentErrors.beforeCurrent(lead.stage_on);
        const enterpriseId = await this.enterpriseFor(m, actor, lead, input);
        lease = {
          parkCode: lead.park_code,
          enterpriseId,
          unitCodes: input.unitCodes,
          startsOn: input.startsOn,
          stage: input.stage,
          note: `convertLead: lead ${lead.name}`,
        } as ResolvedLeaseInput;
        const tenancies = await this.tenancies.leaseIn(m, actor, lease);
        const { before, after } = await updateVersioned<LeadRow>(m, {
          table: 'lead',
          label: 'Lead',
          id: lead.id,
          version: input.version,
          parkIds: parkScope(actor),
          columns: {
            stage: LeadStage.CONVERTED,
            stage_on: input.startsOn,
            enterprise_id: enterpriseId,
            converted_on: input.startsOn,
            next_follow_up_on: null,
          },
        });
        await m.query(
          `INSERT INTO lead_stage_event (lead_id, stage, effective_on) VALUES ($1, 'CONVERTED', $2)`,
          [lead.id, input.startsOn],
        );
        await writeAudit(m, actor, [
          { entityType: 'Lead', entityId: lead.id, parkId: lead.park_id, before, after },
        ]);
        return { lead: await this.readIn(m, lead.id), tenancies };
      });
    } catch (error) {
      throw lease ? await this.tenancies.leaseError(actor, lease, error) : error;
    }
  }

  private async enterpriseFor(
    m: EntityManager,
    actor: Actor,
    lead: LeadRow & { park_code: string },
    input: ConvertLeadInput,
  ): Promise<string> {
    if (input.enterpriseId) return input.enterpriseId;
    const creditCode = input.enterpriseCreditCode ?? lead.credit_code;
    if (creditCode) {
      const [found] = await m.query<{ id: string }[]>(
        'SELECT id FROM enterprise WHERE park_id = $1 AND credit_code = $2',
        [lead.park_id, creditCode],
      );
      if (found) return found.id;
      if (input.enterpriseCreditCode)
        throw new NotFoundError('Enterprise', `${lead.park_code}/${creditCode}`);
    }
    if (!lead.credit_code || !lead.origin_province) throw RecruitmentErrors.newEnterpriseNeeds();
    const [row] = await m.query<{ id: string }[]>(
      `INSERT INTO enterprise (park_id, name, credit_code, industry, origin_province, origin_city, contact_name,
                               contact_phone, registered_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        lead.park_id,
        lead.name,
        lead.credit_code,
        lead.industry,
        lead.origin_province,
        lead.origin_city,
        lead.contact_name,
        lead.contact_phone,
        input.startsOn,
      ],
    );
    await writeAudit(m, actor, [
      {
        entityType: 'Enterprise',
        entityId: row.id,
        parkId: lead.park_id,
        before: null,
        after: row,
        reason: 'convertLead',
      },
    ]);
    return row.id;
  }

  private assertOpen(lead: LeadRow): void {
    if (lead.stage === LeadStage.CONVERTED || lead.stage === LeadStage.LOST)
      throw RecruitmentErrors.closed(lead.stage);
  }

  private async lockInScope(
    m: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<LeadRow & { park_code: string }> {
    const [row] = await m.query<(LeadRow & { park_code: string })[]>(
      `SELECT l.*, p.code AS park_code FROM lead l JOIN park p ON p.id = l.park_id
       WHERE l.id = $1 AND ($2::uuid[] IS NULL OR l.park_id = ANY($2)) FOR NO KEY UPDATE OF l`,
      [id, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('Lead', id);
    return row;
  }

  private async requireUser(m: EntityManager, id: string): Promise<void> {
    const [row] = await m.query<{ id: string }[]>('SELECT id FROM app_user WHERE id = $1', [id]);
    if (!row) throw new NotFoundError('User', id);
  }

  private async linkEvents(
    m: EntityManager,
    leadId: string,
    parkId: string,
    eventIds: string[],
  ): Promise<void> {
    if (eventIds.length === 0) return;
    const ids = [...new Set(eventIds)];
    const found = await m.query<{ id: string }[]>(
      'SELECT id FROM recruitment_event WHERE id = ANY($1) AND park_id = $2',
      [ids, parkId],
    );
    const missing = ids.find((id) => !found.some((f) => f.id === id));
    if (missing) throw new NotFoundError('RecruitmentEvent', missing);
    await m.query(
      `INSERT INTO lead_event (lead_id, event_id, park_id) SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
      [leadId, ids, parkId],
    );
  }

  private async readIn(m: EntityManager, id: string): Promise<Lead> {
    const [row] = await m.query<LeadRow[]>(`${LEAD_SELECT} WHERE l.id = $1`, [id]);
    return toLead(row, today());
  }
}
