import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { today } from '../../graphql/scalars/date.scalar';
import { CYCLE_MONTHS, IncentiveKind, PaymentCycle, RentFreeStart } from './contract.enums';
import { formatFen, toFen } from './money';
import {
  computeSchedule,
  reconcile,
  rentFreeWindow,
  ScheduleInput,
  ScheduleTerms,
  versionOn,
} from './rent-schedule';

interface TermsRow {
  effective_from: string;
  starts_on: string;
  ends_on: string;
  payment_cycle: PaymentCycle;
  due_day: number;
  escalation_percent: string;
  rent_free_days: number;
  rent_free_start: RentFreeStart;
  monthly: string | null;
}

/**
 * Persists a contract's rent schedule: gathers the versions (with the monthly rent of the units they cover), the
 * rent-free start (the tenancies' FITTING_OUT date, or the term start) and the incentives, runs the pure calculator,
 * and writes what changed. Bills issued (due on or before `recordedOn`, already marked issued, or partly paid) are
 * never rewritten: their differences land as an adjustment on the next bill (see reconcile()).
 */
@Injectable()
export class ScheduleService {
  /** A covered tenancy's stage dates changed (TenancyHooks): regenerate its contract's schedule, if any. */
  async onTenancyChanged(m: EntityManager, tenancyId: string): Promise<void> {
    const [row] = await m.query<{ id: string }[]>(
      `SELECT c.id FROM contract_tenancy ct JOIN contract c ON c.id = ct.contract_id WHERE ct.tenancy_id = $1
       FOR UPDATE OF c`,
      [tenancyId],
    );
    if (row) await this.regenerate(m, row.id, today());
  }

  /** Call inside the transaction that changed the contract, with the contract row locked. */
  async regenerate(m: EntityManager, contractId: string, recordedOn: string | null): Promise<void> {
    const [contract] = await m.query<{ park_id: string; terminated_on: string | null }[]>(
      'SELECT park_id, terminated_on::text FROM contract WHERE id = $1',
      [contractId],
    );
    const versions = await m.query<TermsRow[]>(
      `SELECT v.effective_from::text, v.starts_on::text, v.ends_on::text, v.payment_cycle, v.due_day, v.escalation_percent::text,
              v.rent_free_days, v.rent_free_start,
              (SELECT sum(CASE WHEN v.rent_basis = 'PER_SQUARE_METRE' THEN v.rate * u.floor_area ELSE v.rate END)::text
               FROM contract_tenancy ct JOIN tenancy t ON t.id = ct.tenancy_id JOIN unit u ON u.id = t.unit_id
               WHERE ct.contract_id = v.contract_id) AS monthly
       FROM contract_version v WHERE v.contract_id = $1 ORDER BY v.effective_from`,
      [contractId],
    );
    const [fitOut] = await m.query<{ fit_out: string | null }[]>(
      `SELECT min(t.fitting_out_from)::text AS fit_out FROM contract_tenancy ct JOIN tenancy t ON t.id = ct.tenancy_id
       WHERE ct.contract_id = $1`,
      [contractId],
    );
    const incentives = await m.query<
      { id: string; kind: IncentiveKind; discount_percent: string | null; months: number }[]
    >(
      `SELECT p.id, p.kind, p.discount_percent::text, p.months FROM contract_incentive ci
       JOIN incentive_policy p ON p.id = ci.policy_id WHERE ci.contract_id = $1 ORDER BY p.id`,
      [contractId],
    );
    const terms: ScheduleTerms[] = versions.map((v) => ({
      effectiveFrom: v.effective_from,
      startsOn: v.starts_on,
      endsOn:
        contract.terminated_on && contract.terminated_on < v.ends_on ? contract.terminated_on : v.ends_on,
      monthlyRent: v.monthly ?? '0',
      cycleMonths: CYCLE_MONTHS[v.payment_cycle],
      dueDay: v.due_day,
      escalationPercent: v.escalation_percent,
      rentFreeDays: v.rent_free_days,
    }));
    const latest = versions[versions.length - 1];
    const origin = versions[0].starts_on;
    const input: ScheduleInput = {
      versions: terms,
      rentFreeFrom:
        latest.rent_free_start === RentFreeStart.FIT_OUT && fitOut?.fit_out && fitOut.fit_out > origin
          ? fitOut.fit_out
          : origin,
      incentives: incentives.map((i) => ({
        policyId: i.id,
        discountPercent: i.kind === IncentiveKind.DISCOUNT ? i.discount_percent : null,
        months: i.months,
      })),
    };
    const window = rentFreeWindow(input, versionOn(terms, input.rentFreeFrom));
    await m.query('UPDATE contract SET rent_free_from = $2, rent_free_until = $3 WHERE id = $1', [
      contractId,
      window.from,
      window.until,
    ]);
    if (recordedOn) {
      await m.query(
        'UPDATE contract_bill SET issued_on = due_on WHERE contract_id = $1 AND issued_on IS NULL AND due_on <= $2',
        [contractId, recordedOn],
      );
    }
    const stored = await m.query<
      { period_start: string; rent_amount: string; adjustment: string; issued: boolean }[]
    >(
      `SELECT period_start::text, rent_amount::text, adjustment::text, (issued_on IS NOT NULL OR paid > 0) AS issued
       FROM contract_bill WHERE contract_id = $1`,
      [contractId],
    );
    const { bills } = reconcile(
      computeSchedule(input),
      stored.map((b) => ({
        periodStart: b.period_start,
        amount: toFen(b.rent_amount),
        adjustment: toFen(b.adjustment),
        issued: b.issued,
      })),
    );
    await m.query('DELETE FROM contract_bill WHERE contract_id = $1 AND issued_on IS NULL AND paid = 0', [
      contractId,
    ]);
    if (bills.length === 0) return;
    const rows = bills.map((b) => ({
      period_start: b.periodStart,
      period_end: b.periodEnd,
      due_on: b.dueOn,
      cycle_months:
        CYCLE_MONTHS[
          versions.filter((v) => v.effective_from <= b.periodStart).pop()?.payment_cycle ??
            versions[0].payment_cycle
        ],
      days: b.days,
      rent_free_days: b.rentFreeDays,
      amount_before_incentives: formatFen(b.amountBeforeIncentives),
      incentive_discount: formatFen(b.incentiveDiscount),
      rent_amount: formatFen(b.amount),
      adjustment: formatFen(b.adjustment),
      amount: formatFen(b.total),
    }));
    await m.query(
      `INSERT INTO contract_bill (contract_id, park_id, period_start, period_end, due_on, cycle_months, days, rent_free_days,
         amount_before_incentives, incentive_discount, rent_amount, adjustment, amount)
       SELECT $1, $2, r.period_start, r.period_end, r.due_on, r.cycle_months, r.days, r.rent_free_days,
              r.amount_before_incentives, r.incentive_discount, r.rent_amount, r.adjustment, r.amount
       FROM jsonb_to_recordset($3::jsonb) AS r(period_start date, period_end date, due_on date, cycle_months int, days int,
            rent_free_days int, amount_before_incentives numeric, incentive_discount numeric, rent_amount numeric,
            adjustment numeric, amount numeric)`,
      [contractId, contract.park_id, JSON.stringify(rows)],
    );
  }
}
