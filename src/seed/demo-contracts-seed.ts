import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { addDays, addMonths } from '../modules/contracts/contract-dates';
import { CYCLE_MONTHS, PaymentCycle } from '../modules/contracts/contract.enums';
import { formatFen, toFen } from '../modules/contracts/money';
import { computeSchedule, rentFreeWindow, ScheduleInput } from '../modules/contracts/rent-schedule';
import { DemoTenancy } from './demo-data';

/** The demo's reference date: payments up to it are recorded, some late and a few missing (arrears). */
export const DEMO_RENT_DATE = '2024-02-01';

/**
 * Illustrative rents (the article gives none), CNY per m² per month by zone, within the 18–35 a Dazu market hall or
 * office would plausibly ask.
 */
export const DEMO_RATES: Record<string, string> = {
  'shifosi-west': '25.00',
  'digital-creative': '35.00',
  'stone-art': '18.00',
  'jewelry-jade': '30.00',
};

export const DEMO_LEADING_POLICY =
  'leading sculpture enterprise: 50% off the first 12 months (龙头雕塑企业前12个月租金五折)';

/**
 * Writes a lease contract per demo enterprise for all its tenancies (3-year term from its first tenancy, 90 rent-free
 * days from fit-out, 3% yearly escalation, quarterly or monthly billing, a deposit received on signing), the
 * leading-enterprise incentive on the 12 leading sculpture enterprises, the schedules, and the payments up to
 * 2024-02-01: most on time, every seventh enterprise 20 days late, every ninth unpaid since November 2023.
 * Returns the number of contracts.
 */
export async function seedDemoContracts(
  m: EntityManager,
  ctx: {
    parkId: string;
    tenancies: DemoTenancy[];
    tenancyIds: string[];
    enterpriseIds: string[];
    leadingCount: number;
    zoneOfUnit: Map<string, string>;
    areaOfUnit: Map<string, number>;
  },
): Promise<number> {
  const byEnterprise = new Map<number, number[]>();
  ctx.tenancies.forEach((t, i) =>
    byEnterprise.set(t.enterprise, [...(byEnterprise.get(t.enterprise) ?? []), i]),
  );
  const specs = [...byEnterprise].map(([e, indexes], n) => {
    const startsOn = indexes.map((i) => ctx.tenancies[i].startsOn).sort()[0];
    const zone = ctx.zoneOfUnit.get(ctx.tenancies[indexes[0]].unit) ?? 'shifosi-west';
    return {
      e,
      number: `DZ-${startsOn.slice(0, 4)}-${String(n + 1).padStart(3, '0')}`,
      tenancyIds: indexes.map((i) => ctx.tenancyIds[i]),
      startsOn,
      endsOn: addMonths(startsOn, 36),
      signedOn: addDays(startsOn, -3),
      rate: DEMO_RATES[zone] ?? '25.00',
      cycle: e % 3 === 0 ? 'MONTHLY' : 'QUARTERLY',
      deposit: String(indexes.length * (zone === 'digital-creative' ? 8000 : 5000)),
    };
  });
  const contracts = await m.query<{ id: string; number: string }[]>(
    `INSERT INTO contract (park_id, number, enterprise_id, signed_on, deposit_held)
     SELECT $1, x.number, x.enterprise_id, x.signed_on, x.deposit FROM jsonb_to_recordset($2::jsonb)
       AS x(number text, enterprise_id uuid, signed_on date, deposit numeric)
     RETURNING id, number`,
    [
      ctx.parkId,
      JSON.stringify(
        specs.map((s) => ({
          number: s.number,
          enterprise_id: ctx.enterpriseIds[s.e],
          signed_on: s.signedOn,
          deposit: s.deposit,
        })),
      ),
    ],
  );
  const idOf = new Map(contracts.map((c) => [c.number, c.id]));
  const rows = specs.map((s) => ({ ...s, id: idOf.get(s.number)! }));
  await m.query(
    `INSERT INTO contract_version (contract_id, version_number, effective_from, starts_on, ends_on, rent_basis, rate,
       payment_cycle, due_day, escalation_percent, rent_free_days, rent_free_start, notice_days, deposit_amount, note)
     SELECT x.id, 1, x.starts_on, x.starts_on, x.ends_on, 'PER_SQUARE_METRE', x.rate, x.cycle::payment_cycle, 1, 3, 90,
            'FIT_OUT', 90, x.deposit, 'demo data (illustrative rent)'
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, starts_on date, ends_on date, rate numeric, cycle text, deposit numeric)`,
    [
      JSON.stringify(
        rows.map((r) => ({
          id: r.id,
          starts_on: r.startsOn,
          ends_on: r.endsOn,
          rate: r.rate,
          cycle: r.cycle,
          deposit: r.deposit,
        })),
      ),
    ],
  );
  await m.query(
    `INSERT INTO contract_tenancy (contract_id, tenancy_id)
     SELECT x.id, unnest(x.tenancy_ids) FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, tenancy_ids uuid[])`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, tenancy_ids: r.tenancyIds })))],
  );
  await m.query(
    `INSERT INTO deposit_event (contract_id, kind, amount, occurred_on, note)
     SELECT x.id, 'RECEIVED', x.deposit, x.signed_on, 'demo data' FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, deposit numeric, signed_on date)`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, deposit: r.deposit, signed_on: r.signedOn })))],
  );
  const [policy] = await m.query<{ id: string }[]>(
    `INSERT INTO incentive_policy (park_id, name, kind, discount_percent, months, requires_leading, industries)
     VALUES ($1, $2, 'DISCOUNT', 50, 12, true, '{SCULPTURE}') RETURNING id`,
    [ctx.parkId, DEMO_LEADING_POLICY],
  );
  await m.query(
    `INSERT INTO incentive_policy (park_id, name, kind, months, origin_provinces)
     VALUES ($1, 'Sichuan relocation: 6 extra rent-free months (川企迁入额外免租6个月)', 'EXTRA_RENT_FREE', 6, '{SICHUAN}')`,
    [ctx.parkId],
  );
  const leading = rows.filter((r) => r.e < ctx.leadingCount).map((r) => r.id);
  await m.query('INSERT INTO contract_incentive (contract_id, policy_id) SELECT unnest($1::uuid[]), $2', [
    leading,
    policy.id,
  ]);
  // The schedules, computed in memory by the same calculator the API uses (ScheduleService.regenerate), written in
  // one statement: the demo loads on every fresh start, and a statement per contract made that start slower.
  const bills: Record<string, unknown>[] = [];
  const windows: Record<string, unknown>[] = [];
  for (const r of rows) {
    const indexes = byEnterprise.get(r.e)!;
    // rate × area summed exactly, in 1/10,000 yuan (both have two decimals).
    const monthly = indexes.reduce(
      (sum, i) => sum + toFen(r.rate) * toFen(String(ctx.areaOfUnit.get(ctx.tenancies[i].unit))),
      0n,
    );
    const fitOut = indexes
      .map((i) => ctx.tenancies[i].fittingOutFrom)
      .filter((d): d is string => !!d)
      .sort()[0];
    const terms = {
      effectiveFrom: r.startsOn,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      monthlyRent: `${monthly / 10000n}.${String(monthly % 10000n).padStart(4, '0')}`,
      cycleMonths: CYCLE_MONTHS[r.cycle as PaymentCycle],
      dueDay: 1,
      escalationPercent: '3',
      rentFreeDays: 90,
    };
    const input: ScheduleInput = {
      versions: [terms],
      rentFreeFrom: fitOut && fitOut > r.startsOn ? fitOut : r.startsOn,
      incentives: r.e < ctx.leadingCount ? [{ policyId: policy.id, discountPercent: '50', months: 12 }] : [],
    };
    const window = rentFreeWindow(input, terms);
    windows.push({ id: r.id, from: window.from, until: window.until });
    for (const b of computeSchedule(input)) {
      bills.push({
        contract_id: r.id,
        period_start: b.periodStart,
        period_end: b.periodEnd,
        due_on: b.dueOn,
        cycle_months: terms.cycleMonths,
        days: b.days,
        rent_free_days: b.rentFreeDays,
        amount_before_incentives: formatFen(b.amountBeforeIncentives),
        incentive_discount: formatFen(b.incentiveDiscount),
        amount: formatFen(b.amount),
        issued_on: b.dueOn <= DEMO_RENT_DATE ? b.dueOn : null,
      });
    }
  }
  await m.query(
    `UPDATE contract c SET rent_free_from = x.from_on, rent_free_until = x.until_on
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, from_on date, until_on date) WHERE c.id = x.id`,
    [JSON.stringify(windows.map((w) => ({ id: w.id, from_on: w.from, until_on: w.until })))],
  );
  await m.query(
    `INSERT INTO contract_bill (contract_id, park_id, period_start, period_end, due_on, cycle_months, days, rent_free_days,
       amount_before_incentives, incentive_discount, rent_amount, adjustment, amount, issued_on)
     SELECT x.contract_id, $2, x.period_start, x.period_end, x.due_on, x.cycle_months, x.days, x.rent_free_days,
            x.amount_before_incentives, x.incentive_discount, x.amount, 0, x.amount, x.issued_on
     FROM jsonb_to_recordset($1::jsonb) AS x(contract_id uuid, period_start date, period_end date, due_on date,
          cycle_months int, days int, rent_free_days int, amount_before_incentives numeric, incentive_discount numeric,
          amount numeric, issued_on date)`,
    [JSON.stringify(bills), ctx.parkId],
  );
  // Payments: one per bill due by the reference date, on time, 20 days late, or missing since November 2023.
  const due = await m.query<{ id: string; contract_id: string; due_on: string; amount: string }[]>(
    `SELECT id, contract_id, due_on::text, amount::text FROM contract_bill WHERE park_id = $1 AND due_on <= $2 AND amount > 0
     ORDER BY contract_id, due_on`,
    [ctx.parkId, DEMO_RENT_DATE],
  );
  const enterpriseOf = new Map(rows.map((r) => [r.id, r.e]));
  const payments: {
    id: string;
    contract_id: string;
    bill_id: string;
    amount: string;
    paid_on: string;
    method: string;
  }[] = [];
  for (const b of due) {
    const e = enterpriseOf.get(b.contract_id)!;
    if (e % 9 === 4 && b.due_on >= '2023-11-01') continue;
    const on = e % 7 === 2 ? addDays(b.due_on, 20) : b.due_on;
    if (on > DEMO_RENT_DATE) continue;
    payments.push({
      id: randomUUID(),
      contract_id: b.contract_id,
      bill_id: b.id,
      amount: b.amount,
      paid_on: on,
      method: e % 2 === 0 ? 'BANK_TRANSFER' : 'WECHAT_PAY',
    });
  }
  const json = JSON.stringify(payments);
  await m.query(
    `INSERT INTO contract_payment (id, contract_id, park_id, amount, allocated, received_on, method, reference)
     SELECT x.id, x.contract_id, $2, x.amount, x.amount, x.paid_on, x.method::payment_method, 'demo data'
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, contract_id uuid, amount numeric, paid_on date, method text)`,
    [json, ctx.parkId],
  );
  await m.query(
    `INSERT INTO payment_allocation (payment_id, bill_id, amount, allocated_on)
     SELECT x.id, x.bill_id, x.amount, x.paid_on FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, bill_id uuid, amount numeric, paid_on date)`,
    [json],
  );
  await m.query(
    `UPDATE contract_bill b SET paid = x.amount FROM jsonb_to_recordset($1::jsonb) AS x(bill_id uuid, amount numeric)
     WHERE b.id = x.bill_id`,
    [json],
  );
  return rows.length;
}
