import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { manyByKey } from '../../common/batch';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { inTransaction } from '../../database/transaction';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { CreateRecruitmentEventInput, RecruitmentEventListArgs } from './dto/recruitment.inputs';
import { EventRow, toEvent } from './recruitment.mappers';
import { RecruitmentEvent } from './recruitment.models';

/** Recruitment events. */
@Injectable()
export class EventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Source events per lead id, by date. */
  async ofLeads(leadIds: readonly string[]): Promise<RecruitmentEvent[][]> {
    const rows = await this.db.query<(EventRow & { lead_id: string })[]>(
      `SELECT le.lead_id, ev.* FROM lead_event le JOIN recruitment_event ev ON ev.id = le.event_id
       WHERE le.lead_id = ANY($1) ORDER BY le.lead_id, ev.held_on, ev.id`,
      [leadIds],
    );
    return manyByKey(leadIds, rows, (r) => r.lead_id, toEvent);
  }

  async list(actor: Actor, args: RecruitmentEventListArgs): Promise<Connection<RecruitmentEvent>> {
    const f = args.filter ?? {};
    const sort: KeysetSort = {
      expression: 'ev.held_on',
      key: 'sort_key',
      direction: SortDirection.DESC,
      nullable: false,
      idExpression: 'ev.id',
      idKey: 'id',
      cursor: { list: 'recruitmentEvents', order: 'HELD_ON_DESC', value: 'date', id: 'uuid' },
    };
    const q = this.db
      .createQueryBuilder()
      .from('recruitment_event', 'ev')
      .select('ev.*')
      .addSelect(sort.expression, 'sort_key');
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('ev.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('ev.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.kind) q.andWhere('ev.kind = :kind', { kind: f.kind });
    if (f.from) q.andWhere('ev.held_on >= :from', { from: f.from });
    if (f.to) q.andWhere('ev.held_on <= :to', { to: f.to });
    return paginate<EventRow & { sort_key: unknown }, RecruitmentEvent>(q, sort, args, toEvent);
  }

  async create(actor: Actor, input: CreateRecruitmentEventInput): Promise<RecruitmentEvent> {
    return inTransaction(this.db, async (m) => {
      const parkId = await requireParkId(m, actor, input.parkCode);
      const [row] = await m.query<EventRow[]>(
        `INSERT INTO recruitment_event (park_id, kind, title, held_on, place, organiser, attendance)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          parkId,
          input.kind,
          input.title,
          input.heldOn,
          input.place ?? null,
          input.organiser ?? null,
          input.attendance ?? null,
        ],
      );
      await writeAudit(m, actor, [
        { entityType: 'RecruitmentEvent', entityId: row.id, parkId, before: null, after: row },
      ]);
      return toEvent(row);
    });
  }
}
