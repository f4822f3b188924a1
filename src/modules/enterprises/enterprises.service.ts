import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { updateVersioned } from '../../common/entities/versioned-update';
import { ConflictError, NotFoundError } from '../../common/errors/app-error';
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
    const byId = new Map(rows.map((r) => [r.id, toEnterprise(r)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async require(id: string): Promise<Enterprise> {
    const [found] = await this.byIds([id]);
    if (!found) throw new NotFoundError('Enterprise', id);
    return found;
  }

  async list(args: EnterpriseListArgs): Promise<Connection<Enterprise>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const sort: KeysetSort = {
      expression: ORDER[args.orderBy?.field ?? EnterpriseOrderField.NAME],
      key: 'sort_key',
      direction: args.orderBy?.direction ?? SortDirection.ASC,
      idExpression: 'e.id',
      idKey: 'id',
    };
    const q = this.db
      .createQueryBuilder()
      .from('enterprise', 'e')
      .select('e.*')
      .addSelect(sort.expression, 'sort_key')
      .setParameter('asOf', asOf);
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

  async create(input: CreateEnterpriseInput): Promise<Enterprise> {
    try {
      const [row] = await this.db.query<EnterpriseRow[]>(
        `INSERT INTO enterprise (name, name_en, credit_code, industry, origin_province, origin_city, "leading",
                                 contact_name, contact_phone, registered_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          input.name,
          input.nameEn ?? null,
          input.creditCode,
          input.industry,
          input.originProvince,
          input.originCity ?? null,
          input.leading,
          input.contactName ?? null,
          input.contactPhone ?? null,
          input.registeredOn ?? null,
        ],
      );
      return toEnterprise(row);
    } catch (error) {
      throw this.translate(error, input.creditCode);
    }
  }

  async update(input: UpdateEnterpriseInput): Promise<Enterprise> {
    try {
      const row = await updateVersioned<EnterpriseRow>(
        this.db.manager,
        'enterprise',
        'Enterprise',
        input.id,
        input.version,
        {
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
      );
      return toEnterprise(row);
    } catch (error) {
      throw this.translate(error, input.creditCode);
    }
  }

  private translate(error: unknown, creditCode: string | undefined): unknown {
    if (pgError(error).code === PG_UNIQUE_VIOLATION) {
      return new ConflictError(`An enterprise with credit code ${creditCode} already exists`, {
        field: 'creditCode',
      });
    }
    return error;
  }
}
