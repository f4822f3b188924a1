import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { manyByKey, oneByKey } from '../../common/batch';
import { Connection, SortDirection } from '../../common/pagination/connection';
import { KeysetSort, paginate } from '../../common/pagination/keyset';
import { today } from '../../graphql/scalars/date.scalar';
import { Actor, parkScope } from '../access/principal';
import { TenancyRow, toTenancy } from '../tenancies/tenancy.mappers';
import { Tenancy } from '../tenancies/tenancy.models';
import { ContractListArgs, ContractOrder } from './dto/contract-list.args';
import { ContractOrderField } from './contract.enums';
import {
  BillRow,
  contractColumns,
  contractStatusSql,
  ContractRow,
  DepositEventRow,
  PaymentRow,
  PolicyRow,
  toBill,
  toContract,
  toDepositEvent,
  toPayment,
  toPolicy,
  toVersion,
  VersionRow,
  versionOnSql,
} from './contract.mappers';
import {
  Bill,
  Contract,
  ContractBalance,
  ContractVersion,
  DepositEvent,
  IncentivePolicy,
  Payment,
} from './contract.models';
import { formatFen, toFen } from './money';

const CONTRACT_SORT: Record<ContractOrderField, { expression: string; value: 'text' | 'date' }> = {
  [ContractOrderField.NUMBER]: { expression: 'c.number', value: 'text' },
  [ContractOrderField.ENDS_ON]: { expression: 'v.ends_on', value: 'date' },
};

/** Policy columns with the enum arrays read as text[] (pg returns unknown array types as a string). */
export const POLICY_COLUMNS = `p.id, p.park_id, p.name, p.kind, p.discount_percent, p.months, p.requires_leading,
  p.origin_provinces::text[] AS origin_provinces, p.industries::text[] AS industries`;

/** Reading contracts: lookups, the list, and the batch functions behind the per-request loaders. */
@Injectable()
export class ContractsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private select(asOf: string): string {
    return `SELECT ${contractColumns(asOf)} FROM contract c JOIN contract_version v ON v.id = ${versionOnSql('c', asOf)}`;
  }

  /** One contract of the actor's parks, or null (another park's answers like one that does not exist). */
  /** Batch (node/nodes): the contracts of `ids` within the caller's parks as of today, in no order; one statement. */
  async findMany(actor: Actor, ids: readonly string[]): Promise<Contract[]> {
    const asOf = today();
    const rows = await this.db.query<ContractRow[]>(
      `${this.select('$2::date')} WHERE c.id = ANY($1) AND ($3::uuid[] IS NULL OR c.park_id = ANY($3))`,
      [ids, asOf, parkScope(actor)],
    );
    return rows.map((row) => toContract(row, asOf));
  }

  async find(actor: Actor, id: string, asOf = today()): Promise<Contract | null> {
    const [row] = await this.db.query<ContractRow[]>(
      `${this.select('$2::date')} WHERE c.id = $1 AND ($3::uuid[] IS NULL OR c.park_id = ANY($3))`,
      [id, asOf, parkScope(actor)],
    );
    return row ? toContract(row, asOf) : null;
  }

  /** Batch: the contract covering each tenancy (null when none). */
  async byTenancyIds(tenancyIds: readonly string[], asOf: string): Promise<(Contract | null)[]> {
    const rows = await this.db.query<(ContractRow & { tenancy_id: string })[]>(
      `SELECT ${contractColumns('$2::date')}, ct.tenancy_id
       FROM contract_tenancy ct JOIN contract c ON c.id = ct.contract_id
       JOIN contract_version v ON v.id = ${versionOnSql('c', '$2::date')}
       WHERE ct.tenancy_id = ANY($1)`,
      [tenancyIds, asOf],
    );
    return oneByKey(
      tenancyIds,
      rows,
      (r) => r.tenancy_id,
      (r) => toContract(r, asOf),
    );
  }

  /**
   * Batch: for each ended (or ending) tenancy, its contract when that still runs past the tenancy's end and is not
   * terminated: endTenancy proposes terminating it (terminateContract on the tenancy's end date).
   */
  async toTerminateByTenancyIds(tenancyIds: readonly string[]): Promise<(Contract | null)[]> {
    const rows = await this.db.query<(ContractRow & { tenancy_id: string; as_of: string })[]>(
      `SELECT ${contractColumns('t.ends_on')}, t.id AS tenancy_id, t.ends_on::text AS as_of
       FROM tenancy t JOIN contract_tenancy ct ON ct.tenancy_id = t.id JOIN contract c ON c.id = ct.contract_id
       JOIN contract_version v ON v.id = ${versionOnSql('c', 't.ends_on')}
       WHERE t.id = ANY($1) AND t.ends_on IS NOT NULL AND c.terminated_on IS NULL AND v.ends_on > t.ends_on`,
      [tenancyIds],
    );
    return oneByKey(
      tenancyIds,
      rows,
      (r) => r.tenancy_id,
      (r) => toContract(r, r.as_of),
    );
  }

  /** Batch: each enterprise's contracts, by number. */
  async byEnterpriseIds(enterpriseIds: readonly string[], asOf: string): Promise<Contract[][]> {
    const rows = await this.db.query<ContractRow[]>(
      `${this.select('$2::date')} WHERE c.enterprise_id = ANY($1) ORDER BY c.number`,
      [enterpriseIds, asOf],
    );
    return manyByKey(
      enterpriseIds,
      rows,
      (r) => r.enterprise_id,
      (r) => toContract(r, asOf),
    );
  }

  async versionsOf(contractIds: readonly string[]): Promise<ContractVersion[][]> {
    const rows = await this.db.query<VersionRow[]>(
      'SELECT * FROM contract_version WHERE contract_id = ANY($1) ORDER BY version_number',
      [contractIds],
    );
    return manyByKey(contractIds, rows, (r) => r.contract_id, toVersion);
  }

  async tenanciesOf(contractIds: readonly string[]): Promise<Tenancy[][]> {
    const rows = await this.db.query<(TenancyRow & { contract_id: string })[]>(
      `SELECT t.*, ct.contract_id FROM contract_tenancy ct JOIN tenancy t ON t.id = ct.tenancy_id
       JOIN unit u ON u.id = t.unit_id WHERE ct.contract_id = ANY($1) ORDER BY u.code`,
      [contractIds],
    );
    return manyByKey(
      contractIds,
      rows,
      (r) => r.contract_id,
      (r) => toTenancy(r),
    );
  }

  async incentivesOf(contractIds: readonly string[]): Promise<IncentivePolicy[][]> {
    const rows = await this.db.query<(PolicyRow & { contract_id: string })[]>(
      `SELECT ${POLICY_COLUMNS}, ci.contract_id FROM contract_incentive ci JOIN incentive_policy p ON p.id = ci.policy_id
       WHERE ci.contract_id = ANY($1) ORDER BY p.name`,
      [contractIds],
    );
    return manyByKey(contractIds, rows, (r) => r.contract_id, toPolicy);
  }

  async billsOf(contractIds: readonly string[]): Promise<Bill[][]> {
    const rows = await this.db.query<BillRow[]>(
      'SELECT * FROM contract_bill WHERE contract_id = ANY($1) ORDER BY period_start',
      [contractIds],
    );
    return manyByKey(contractIds, rows, (r) => r.contract_id, toBill);
  }

  async paymentsOf(contractIds: readonly string[]): Promise<Payment[][]> {
    const rows = await this.db.query<PaymentRow[]>(
      'SELECT * FROM contract_payment WHERE contract_id = ANY($1) ORDER BY received_on, created_at',
      [contractIds],
    );
    return manyByKey(contractIds, rows, (r) => r.contract_id, toPayment);
  }

  async depositEventsOf(contractIds: readonly string[]): Promise<DepositEvent[][]> {
    const rows = await this.db.query<DepositEventRow[]>(
      'SELECT * FROM deposit_event WHERE contract_id = ANY($1) ORDER BY occurred_on, created_at',
      [contractIds],
    );
    return manyByKey(contractIds, rows, (r) => r.contract_id, toDepositEvent);
  }

  /** Batch: what each contract owes on a date (one statement). */
  async balances(contractIds: readonly string[], asOf: string): Promise<ContractBalance[]> {
    const rows = await this.db.query<{ id: string; billed: string; paid: string; overdue: string }[]>(
      `SELECT k.id,
         (SELECT coalesce(sum(b.amount), 0) FROM contract_bill b WHERE b.contract_id = k.id AND b.due_on <= $2) AS billed,
         (SELECT coalesce(sum(p.amount), 0) FROM contract_payment p WHERE p.contract_id = k.id AND p.received_on <= $2) AS paid,
         (SELECT coalesce(sum(b.amount - (SELECT coalesce(sum(a.amount), 0) FROM payment_allocation a
                                         WHERE a.bill_id = b.id AND a.allocated_on <= $2)), 0)
          FROM contract_bill b WHERE b.contract_id = k.id AND b.due_on < $2) AS overdue
       FROM unnest($1::uuid[]) AS k(id)`,
      [contractIds, asOf],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return contractIds.map((id) => {
      const r = byId.get(id)!;
      const billed = toFen(String(r.billed));
      const paid = toFen(String(r.paid));
      return {
        asOf,
        billed: formatFen(billed),
        paid: formatFen(paid),
        balance: formatFen(billed - paid),
        overdue: formatFen(toFen(String(r.overdue))),
      };
    });
  }

  /** The `contracts` list: filtered, sorted, keyset-paged; terms and statuses as of a date. */
  async list(actor: Actor, args: ContractListArgs): Promise<Connection<Contract>> {
    const asOf = args.asOf ?? today();
    const f = args.filter ?? {};
    const sort = this.sort(args.orderBy);
    const q = this.db
      .createQueryBuilder()
      .from('contract', 'c')
      .innerJoin('contract_version', 'v', `v.id = ${versionOnSql('c', ':asOf::date')}`)
      .select(contractColumns(':asOf::date'))
      .addSelect(sort.expression, 'sort_key')
      .setParameter('asOf', asOf);
    const parkIds = parkScope(actor);
    if (parkIds) q.andWhere('c.park_id = ANY(:scopeParkIds)', { scopeParkIds: parkIds });
    if (f.parkCode)
      q.andWhere('c.park_id = (SELECT id FROM park WHERE code = :parkCode)', { parkCode: f.parkCode });
    if (f.enterpriseId) q.andWhere('c.enterprise_id = :enterpriseId', { enterpriseId: f.enterpriseId });
    if (f.zoneCode) {
      q.andWhere(
        `EXISTS (SELECT 1 FROM contract_tenancy zct JOIN tenancy zt ON zt.id = zct.tenancy_id JOIN unit zu ON zu.id = zt.unit_id
                 JOIN zone zz ON zz.id = zu.zone_id WHERE zct.contract_id = c.id AND zz.code = :zoneCode)`,
        { zoneCode: f.zoneCode },
      );
    }
    if (f.status) q.andWhere(`${contractStatusSql('c', 'v', ':asOf::date')} = :status`, { status: f.status });
    if (f.expiringWithinDays !== undefined && f.expiringWithinDays !== null) {
      q.andWhere(
        `c.signed_on <= :asOf::date AND (c.terminated_on IS NULL OR c.terminated_on > :asOf::date)
         AND v.ends_on > :asOf::date AND v.ends_on - :asOf::date <= :within`,
        { within: f.expiringWithinDays },
      );
    }
    return paginate<ContractRow & { sort_key: unknown }, Contract>(q, sort, args, (row) =>
      toContract(row, asOf),
    );
  }

  private sort(order?: ContractOrder): KeysetSort {
    const field = order?.field ?? ContractOrderField.NUMBER;
    const direction = order?.direction ?? SortDirection.ASC;
    const { expression, value } = CONTRACT_SORT[field];
    return {
      expression,
      key: 'sort_key',
      direction,
      nullable: false,
      idExpression: 'c.id',
      idKey: 'id',
      cursor: { list: 'contracts', order: `${field}_${direction}`, value, id: 'uuid' },
    };
  }
}
