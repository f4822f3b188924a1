import type { DataSource } from 'typeorm';
import { NodeRegistry, rowsSource, sqlSource } from '../../graphql/node/node-registry';
import { ContractsService, POLICY_COLUMNS } from './contracts.service';
import {
  BillRow,
  DepositEventRow,
  PaymentRow,
  PolicyRow,
  VersionRow,
  toBill,
  toDepositEvent,
  toPayment,
  toPolicy,
  toVersion,
} from './contract.mappers';

const IN_PARKS = (alias: string) => `($2::uuid[] IS NULL OR ${alias}.park_id = ANY($2))`;

/** Contract, ContractVersion, Bill, Payment, DepositEvent and IncentivePolicy for `node(id:)`, scoped by park. */
export function registerContractNodes(
  nodes: NodeRegistry,
  db: DataSource,
  contracts: ContractsService,
): void {
  nodes.register(
    'Contract',
    rowsSource(
      'Contract',
      (ids, actor) => contracts.findMany(actor, ids),
      (c) => c,
    ),
  );
  nodes.register(
    'Bill',
    sqlSource<BillRow>(
      'Bill',
      db,
      `SELECT * FROM contract_bill b WHERE b.id = ANY($1) AND ${IN_PARKS('b')}`,
      toBill,
    ),
  );
  nodes.register(
    'Payment',
    sqlSource<PaymentRow>(
      'Payment',
      db,
      `SELECT * FROM contract_payment p WHERE p.id = ANY($1) AND ${IN_PARKS('p')}`,
      toPayment,
    ),
  );
  nodes.register(
    'DepositEvent',
    sqlSource<DepositEventRow>(
      'DepositEvent',
      db,
      `SELECT d.* FROM deposit_event d JOIN contract c ON c.id = d.contract_id WHERE d.id = ANY($1) AND ${IN_PARKS('c')}`,
      toDepositEvent,
    ),
  );
  nodes.register(
    'IncentivePolicy',
    sqlSource<PolicyRow>(
      'IncentivePolicy',
      db,
      `SELECT ${POLICY_COLUMNS} FROM incentive_policy p WHERE p.id = ANY($1) AND ${IN_PARKS('p')}`,
      toPolicy,
    ),
  );
  nodes.register(
    'ContractVersion',
    sqlSource<VersionRow>(
      'ContractVersion',
      db,
      `SELECT v.* FROM contract_version v JOIN contract c ON c.id = v.contract_id WHERE v.id = ANY($1) AND ${IN_PARKS('c')}`,
      toVersion,
    ),
  );
}
