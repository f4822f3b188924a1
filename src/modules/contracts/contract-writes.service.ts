import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { inTransaction } from '../../database/transaction';
import { today } from '../../graphql/scalars/date.scalar';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { Industry, Province } from '../enterprises/enterprise.enums';
import { requireParkId } from '../space/park-scope';
import {
  AmendContractInput,
  ApplyIncentiveInput,
  CreateContractInput,
  TerminateContractInput,
} from './dto/contract.inputs';
import { CreateIncentivePolicyInput } from './dto/incentive.inputs';
import { IncentiveKind, RentFreeStart } from './contract.enums';
import { PolicyRow, toPolicy, VersionRow } from './contract.mappers';
import { Contract, IncentivePolicy } from './contract.models';
import { ContractErrors } from './contracts.errors';
import { ContractsService, POLICY_COLUMNS } from './contracts.service';
import { qualificationProblems } from './incentives';
import { ScheduleService } from './schedule.service';

/** A contract row locked for a write. */
export interface LockedContract {
  id: string;
  park_id: string;
  number: string;
  enterprise_id: string;
  signed_on: string | null;
  terminated_on: string | null;
  deposit_held: string;
  version: number;
}

/** Locks a contract of the actor's parks FOR UPDATE (writes to one contract queue); NOT_FOUND outside them. */
export async function lockContract(m: EntityManager, actor: Actor, id: string): Promise<LockedContract> {
  const [row] = await m.query<LockedContract[]>(
    `SELECT id, park_id, number, enterprise_id, signed_on, terminated_on, deposit_held::text, version FROM contract
     WHERE id = $1 AND ($2::uuid[] IS NULL OR park_id = ANY($2)) FOR UPDATE`,
    [id, parkScope(actor)],
  );
  if (!row) throw new NotFoundError('Contract', id);
  return row;
}

/**
 * Writing contracts: create (with its first version, tenancies and incentives), amend (a new version), terminate,
 * apply an incentive, create incentive policies. Each is one transaction that locks the contract row, writes the
 * audit trail and regenerates the schedule.
 */
@Injectable()
export class ContractWritesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contracts: ContractsService,
    private readonly schedule: ScheduleService,
  ) {}

  async create(actor: Actor, input: CreateContractInput): Promise<Contract> {
    if (input.endsOn <= input.startsOn) throw ContractErrors.termOrder('input.endsOn');
    let id: string;
    try {
      id = await inTransaction(this.db, async (m) => {
        const parkId = await requireParkId(m, actor, input.parkCode);
        const [enterprise] = await m.query<{ id: string }[]>(
          'SELECT id FROM enterprise WHERE id = $1 AND park_id = $2',
          [input.enterpriseId, parkId],
        );
        if (!enterprise) throw new NotFoundError('Enterprise', input.enterpriseId);
        const tenancies = await m.query<
          { id: string; enterprise_id: string; unit_code: string; contract_number: string | null }[]
        >(
          `SELECT t.id, t.enterprise_id, u.code AS unit_code, c.number AS contract_number
           FROM tenancy t JOIN unit u ON u.id = t.unit_id
           LEFT JOIN contract_tenancy ct ON ct.tenancy_id = t.id LEFT JOIN contract c ON c.id = ct.contract_id
           WHERE t.id = ANY($1) AND t.park_id = $2`,
          [input.tenancyIds, parkId],
        );
        input.tenancyIds.forEach((tid, i) => {
          const t = tenancies.find((x) => x.id === tid);
          if (!t) throw new NotFoundError('Tenancy', tid);
          if (t.enterprise_id !== input.enterpriseId)
            throw ContractErrors.tenancyNotOfEnterprise(i, t.unit_code);
          if (t.contract_number) throw ContractErrors.tenancyUnderContract(t.unit_code, t.contract_number);
        });
        const [contract] = await m.query<{ id: string }[]>(
          `INSERT INTO contract (park_id, number, enterprise_id, signed_on) VALUES ($1, $2, $3, $4) RETURNING *`,
          [parkId, input.number, input.enterpriseId, input.signedOn ?? null],
        );
        const [version] = await m.query<VersionRow[]>(
          `INSERT INTO contract_version (contract_id, version_number, effective_from, starts_on, ends_on, rent_basis, rate,
             payment_cycle, due_day, escalation_percent, rent_free_days, rent_free_start, notice_days, deposit_amount)
           VALUES ($1, 1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
          [
            contract.id,
            input.startsOn,
            input.endsOn,
            input.rentBasis,
            input.rate,
            input.paymentCycle,
            input.dueDay ?? 1,
            input.escalationPercent ?? '0',
            input.rentFreeDays ?? 0,
            input.rentFreeStart ?? RentFreeStart.FIT_OUT,
            input.noticeDays ?? 90,
            input.depositAmount ?? '0',
          ],
        );
        await m.query(
          'INSERT INTO contract_tenancy (contract_id, tenancy_id) SELECT $1, unnest($2::uuid[])',
          [contract.id, input.tenancyIds],
        );
        for (const policyId of input.incentivePolicyIds ?? [])
          await this.attach(m, contract.id, parkId, policyId);
        await this.schedule.regenerate(m, contract.id, null);
        await writeAudit(m, actor, [
          {
            entityType: 'Contract',
            entityId: contract.id,
            parkId,
            before: null,
            after: {
              ...contract,
              ...version,
              tenancyIds: input.tenancyIds,
              incentivePolicyIds: input.incentivePolicyIds ?? [],
            },
          },
        ]);
        return contract.id;
      });
    } catch (error) {
      if (pgError(error).code === PG_UNIQUE_VIOLATION) {
        if (pgError(error).constraint === 'contract_tenancy_tenancy_id_key')
          throw ContractErrors.tenancyTaken();
        throw ContractErrors.numberTaken(input.number);
      }
      throw error;
    }
    return (await this.contracts.find(actor, id))!;
  }

  /** A new version from effectiveFrom; the previous one ends the day before. The schedule is regenerated. */
  async amend(actor: Actor, input: AmendContractInput): Promise<Contract> {
    const id = await inTransaction(this.db, async (m) => {
      const c = await lockContract(m, actor, input.contractId);
      if (c.version !== input.version) throw ContractErrors.stale(c.number, c.version, input.version);
      if (c.terminated_on) throw ContractErrors.terminated(c.number, c.terminated_on);
      const [latest] = await m.query<VersionRow[]>(
        'SELECT * FROM contract_version WHERE contract_id = $1 ORDER BY version_number DESC LIMIT 1',
        [c.id],
      );
      if (input.effectiveFrom <= latest.effective_from || input.effectiveFrom >= latest.ends_on)
        throw ContractErrors.amendmentDate(latest.effective_from, latest.ends_on);
      const endsOn = input.endsOn ?? latest.ends_on;
      if (endsOn <= input.effectiveFrom) throw ContractErrors.termOrder('input.endsOn');
      await m.query(
        'UPDATE contract_version SET effective_until = $2 WHERE contract_id = $1 AND version_number = $3',
        [c.id, input.effectiveFrom, latest.version_number],
      );
      const [next] = await m.query<VersionRow[]>(
        `INSERT INTO contract_version (contract_id, version_number, effective_from, starts_on, ends_on, rent_basis, rate,
           payment_cycle, due_day, escalation_percent, rent_free_days, rent_free_start, notice_days, deposit_amount, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
        [
          c.id,
          latest.version_number + 1,
          input.effectiveFrom,
          latest.starts_on,
          endsOn,
          input.rentBasis ?? latest.rent_basis,
          input.rate ?? latest.rate,
          latest.payment_cycle,
          latest.due_day,
          input.escalationPercent ?? latest.escalation_percent,
          input.rentFreeDays ?? latest.rent_free_days,
          latest.rent_free_start,
          latest.notice_days,
          input.depositAmount ?? latest.deposit_amount,
          input.note,
        ],
      );
      await m.query('UPDATE contract SET version = version + 1, updated_at = now() WHERE id = $1', [c.id]);
      await this.schedule.regenerate(m, c.id, input.recordedOn ?? today());
      await writeAudit(m, actor, [
        {
          entityType: 'Contract',
          entityId: c.id,
          parkId: c.park_id,
          before: latest,
          after: next,
          reason: input.note,
        },
      ]);
      return c.id;
    });
    return (await this.contracts.find(actor, id))!;
  }

  async terminate(actor: Actor, input: TerminateContractInput): Promise<Contract> {
    const id = await inTransaction(this.db, async (m) => {
      const c = await lockContract(m, actor, input.contractId);
      if (c.terminated_on) throw ContractErrors.terminated(c.number, c.terminated_on);
      const [term] = await m.query<{ starts_on: string; ends_on: string }[]>(
        'SELECT min(starts_on)::text AS starts_on, max(ends_on)::text AS ends_on FROM contract_version WHERE contract_id = $1',
        [c.id],
      );
      if (input.on <= term.starts_on || input.on >= term.ends_on)
        throw ContractErrors.terminationDate(term.starts_on, term.ends_on);
      await m.query(
        `UPDATE contract SET terminated_on = $2, termination_reason = $3, version = version + 1, updated_at = now()
         WHERE id = $1`,
        [c.id, input.on, input.reason],
      );
      await this.schedule.regenerate(m, c.id, input.recordedOn ?? today());
      await writeAudit(m, actor, [
        {
          entityType: 'Contract',
          entityId: c.id,
          parkId: c.park_id,
          before: { terminatedOn: null },
          after: { terminatedOn: input.on, terminationReason: input.reason },
          reason: input.reason,
        },
      ]);
      return c.id;
    });
    return (await this.contracts.find(actor, id))!;
  }

  async applyIncentive(actor: Actor, input: ApplyIncentiveInput): Promise<Contract> {
    const id = await inTransaction(this.db, async (m) => {
      const c = await lockContract(m, actor, input.contractId);
      if (c.terminated_on) throw ContractErrors.terminated(c.number, c.terminated_on);
      await this.attach(m, c.id, c.park_id, input.policyId);
      await this.schedule.regenerate(m, c.id, input.recordedOn ?? today());
      await m.query('UPDATE contract SET version = version + 1, updated_at = now() WHERE id = $1', [c.id]);
      await writeAudit(m, actor, [
        {
          entityType: 'Contract',
          entityId: c.id,
          parkId: c.park_id,
          before: { incentivePolicyId: null },
          after: { incentivePolicyId: input.policyId },
        },
      ]);
      return c.id;
    });
    return (await this.contracts.find(actor, id))!;
  }

  /** Checks qualification (refusing with every reason) and records the policy on the contract. */
  private async attach(
    m: EntityManager,
    contractId: string,
    parkId: string,
    policyId: string,
  ): Promise<void> {
    const [row] = await m.query<
      (PolicyRow & {
        enterprise: string;
        leading: boolean;
        origin_province: Province;
        industry: Industry;
        applied: boolean;
      })[]
    >(
      `SELECT ${POLICY_COLUMNS}, e.name AS enterprise, e.leading, e.origin_province, e.industry,
              EXISTS (SELECT 1 FROM contract_incentive ci WHERE ci.contract_id = c.id AND ci.policy_id = p.id) AS applied
       FROM incentive_policy p JOIN contract c ON c.id = $1 JOIN enterprise e ON e.id = c.enterprise_id
       WHERE p.id = $2 AND p.park_id = $3`,
      [contractId, policyId, parkId],
    );
    if (!row) throw new NotFoundError('IncentivePolicy', policyId);
    if (row.applied) throw ContractErrors.incentiveApplied(row.name);
    const policy = toPolicy(row);
    const reasons = qualificationProblems(policy, {
      leading: row.leading,
      originProvince: row.origin_province,
      industry: row.industry,
    });
    if (reasons.length > 0) throw ContractErrors.notQualified(row.enterprise, row.name, reasons);
    await m.query('INSERT INTO contract_incentive (contract_id, policy_id) VALUES ($1, $2)', [
      contractId,
      policyId,
    ]);
  }

  async createPolicy(actor: Actor, input: CreateIncentivePolicyInput): Promise<IncentivePolicy> {
    if (
      (input.kind === IncentiveKind.DISCOUNT) !==
      (input.discountPercent !== undefined && input.discountPercent !== null)
    )
      throw ContractErrors.discountForDiscounts();
    try {
      return await inTransaction(this.db, async (m) => {
        const parkId = await requireParkId(m, actor, input.parkCode);
        const [row] = await m.query<PolicyRow[]>(
          `INSERT INTO incentive_policy AS p (park_id, name, kind, discount_percent, months, requires_leading, origin_provinces, industries)
           VALUES ($1, $2, $3, $4, $5, $6, $7::province[], $8::industry[]) RETURNING ${POLICY_COLUMNS}`,
          [
            parkId,
            input.name,
            input.kind,
            input.discountPercent ?? null,
            input.months,
            input.requiresLeading ?? false,
            input.originProvinces?.length ? input.originProvinces : null,
            input.industries?.length ? input.industries : null,
          ],
        );
        await writeAudit(m, actor, [
          { entityType: 'IncentivePolicy', entityId: row.id, parkId, before: null, after: row },
        ]);
        return toPolicy(row);
      });
    } catch (error) {
      if (pgError(error).code === PG_UNIQUE_VIOLATION) throw ContractErrors.policyNameTaken(input.name);
      throw error;
    }
  }

  async policies(actor: Actor, parkCode: string): Promise<IncentivePolicy[]> {
    const parkId = await requireParkId(this.db.manager, actor, parkCode);
    const rows = await this.db.query<PolicyRow[]>(
      `SELECT ${POLICY_COLUMNS} FROM incentive_policy p WHERE p.park_id = $1 ORDER BY p.name`,
      [parkId],
    );
    return rows.map(toPolicy);
  }
}
