import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../../database/transaction';
import { DataSource } from 'typeorm';
import { oneByKey } from '../../common/batch';
import { updateVersioned } from '../../common/entities/versioned-update';
import { ConflictError } from '../../common/errors/app-error';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { today } from '../../graphql/scalars/date.scalar';
import { holdsOnSql, stageOnSql } from '../tenancies/stage-sql';
import { TenancyStage } from '../tenancies/tenancy.enums';
import { CreateEnterpriseInput, UpdateEnterpriseInput } from './dto/enterprise.inputs';
import { EnterpriseListArgs, EnterpriseOrderField } from './dto/enterprise-list.args';
import { OriginRegion, SICHUAN_CHONGQING } from './enterprise.enums';
import { EnterpriseRow, toEnterprise } from './enterprise.mapper';
import { Enterprise } from './enterprise.model';

const ORDER: Record<EnterpriseOrderField, string> = {
  [EnterpriseOrderField.NAME]: 'e.name',
  [EnterpriseOrderField.REGISTERED_ON]: 'e.registered_on',
  [EnterpriseOrderField.CREDIT_CODE]: 'e.credit_code',
};

@Injectable()
export class EnterprisesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byIds(ids: readonly string[]): Promise<(Enterprise | null)[]> {
    const rows = await this.db.query<EnterpriseRow[]>('SELECT * FROM enterprise WHERE id = ANY($1)', [ids]);
    return oneByKey(
      ids,
      rows,
      (r) => r.id,
      (r) => toEnterprise(r),
    );
  }

  /** One enterprise in the actor's parks, or null (also when it exists in another park). */
  async find(actor: Actor, id: string): Promise<Enterprise | null> {
    const [row] = await this.db.query<EnterpriseRow[]>(
      'SELECT * FROM enterprise WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2))',
      [id, parkScope(actor)],
    );
    return row ? toEnterprise(row) : null;
  }

  async list(actor: Actor, args: EnterpriseListArgs): Promise<Connection<Enterprise>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const field = args.orderBy?.field ?? EnterpriseOrderField.NAME;
    const direction = args.orderBy?.direction ?? SortDirection.ASC;
    const sort: KeysetSort = {
      expression: ORDER[field],
      key: 'sort_key',
      direction,
      nullable: field === EnterpriseOrderField.REGISTERED_ON,
      idExpression: 'e.id',
      idKey: 'id',
      cursor: {
        list: 'enterprises',
        order: `${field}_${direction}`,
        value: field === EnterpriseOrderField.REGISTERED_ON ? 'date' : 'text',
        id: 'uuid',
      },
    };
    const q = this.db
      .createQueryBuilder()
      .from('enterprise', 'e')
      .select('e.*')
      .addSelect(sort.expression, 'sort_key')
      .setParameter('asOf', asOf);
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('e.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('e.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.nameContains) {
      q.andWhere(
        "(e.name ILIKE '%' || :name || '%' ESCAPE '\\' OR e.name_en ILIKE '%' || :name || '%' ESCAPE '\\')",
        {
          name: f.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`),
        },
      );
    }
    if (f.creditCode) q.andWhere('e.credit_code = :creditCode', { creditCode: f.creditCode });
    if (f.industry) q.andWhere('e.industry = :industry', { industry: f.industry });
    if (f.originProvince) q.andWhere('e.origin_province = :province', { province: f.originProvince });
    if (f.originRegion) {
      const inRegion = f.originRegion === OriginRegion.SICHUAN_CHONGQING;
      q.andWhere(`${inRegion ? '' : 'NOT '}(e.origin_province::text = ANY(:region))`, {
        region: [...SICHUAN_CHONGQING],
      });
    }
    if (f.leading !== undefined) q.andWhere('e.leading = :leading', { leading: f.leading });
    if (f.stage === TenancyStage.ENDED) {
      q.andWhere(
        `NOT EXISTS (SELECT 1 FROM tenancy t WHERE t.enterprise_id = e.id AND ${holdsOnSql('t', 'asOf')})
         AND EXISTS (SELECT 1 FROM tenancy t WHERE t.enterprise_id = e.id AND t.ends_on <= :asOf)`,
      );
    } else if (f.stage) {
      q.andWhere(
        `EXISTS (SELECT 1 FROM tenancy t WHERE t.enterprise_id = e.id AND ${holdsOnSql('t', 'asOf')} AND ${stageOnSql('t', 'asOf')} = :stage)`,
        { stage: f.stage },
      );
    }
    if (f.zoneCode) {
      q.andWhere(
        `EXISTS (SELECT 1 FROM tenancy t JOIN unit u ON u.id = t.unit_id JOIN zone z ON z.id = u.zone_id
                 WHERE t.enterprise_id = e.id AND z.code = :zoneCode AND ${holdsOnSql('t', 'asOf')})`,
        { zoneCode: f.zoneCode },
      );
    }
    return paginate<EnterpriseRow & { sort_key: unknown }, Enterprise>(q, sort, args, (row) =>
      toEnterprise(row, asOf),
    );
  }

  async create(actor: Actor, input: CreateEnterpriseInput): Promise<Enterprise> {
    try {
      return await inTransaction(this.db, async (m) => {
        const parkId = await requireParkId(m, actor, input.parkCode);
        const [row] = await m.query<EnterpriseRow[]>(
          `INSERT INTO enterprise (park_id, name, name_en, credit_code, industry, origin_province, origin_city, "leading",
                                   contact_name, contact_phone, registered_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
          [
            parkId,
            input.name,
            input.nameEn ?? null,
            input.creditCode,
            input.industry,
            input.originProvince,
            input.originCity ?? null,
            input.leading ?? false,
            input.contactName ?? null,
            input.contactPhone ?? null,
            input.registeredOn ?? null,
          ],
        );
        await writeAudit(m, actor, [
          { entityType: 'Enterprise', entityId: row.id, parkId, before: null, after: row },
        ]);
        return toEnterprise(row);
      });
    } catch (error) {
      throw this.translate(error, input.creditCode);
    }
  }

  async update(actor: Actor, input: UpdateEnterpriseInput): Promise<Enterprise> {
    try {
      return await inTransaction(this.db, async (m) => {
        const { before, after } = await updateVersioned<EnterpriseRow>(m, {
          table: 'enterprise',
          label: 'Enterprise',
          id: input.id,
          version: input.version,
          parkIds: parkScope(actor),
          columns: {
            name: input.name,
            name_en: input.nameEn,
            credit_code: input.creditCode,
            industry: input.industry,
            origin_province: input.originProvince,
            origin_city: input.originCity,
            leading: input.leading,
            contact_name: input.contactName,
            contact_phone: input.contactPhone,
            registered_on: input.registeredOn,
          },
        });
        await writeAudit(m, actor, [
          { entityType: 'Enterprise', entityId: after.id, parkId: after.park_id, before, after },
        ]);
        return toEnterprise(after);
      });
    } catch (error) {
      throw this.translate(error, input.creditCode);
    }
  }

  private translate(error: unknown, creditCode: string | undefined): unknown {
    if (pgError(error).code === PG_UNIQUE_VIOLATION) {
      return new ConflictError(
        `An enterprise with credit code ${creditCode} is already registered in this park`,
        {
          field: 'creditCode',
        },
      );
    }
    return error;
  }
}
