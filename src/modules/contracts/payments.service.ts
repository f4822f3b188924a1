import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../database/transaction';
import { writeAudit } from '../access/audit';
import { Actor } from '../access/principal';
import { RecordDepositEventInput, RecordPaymentInput } from './dto/payment.inputs';
import { DepositEventKind, PaymentMethod } from './contract.enums';
import { DepositEventRow, money, PaymentRow, toDepositEvent, toPayment } from './contract.mappers';
import { DepositEvent, Payment } from './contract.models';
import { lockContract } from './contract-writes.service';
import { ContractErrors } from './contracts.errors';
import { formatFen, toFen } from './money';

/**
 * Payments and deposits. Each write locks the contract row first, so that payments of one contract allocate one
 * after another (never twice the same unpaid amount); the CHECKs contract_bill_paid_range and
 * contract_payment_allocated_range are the last word if anything ever bypassed the lock.
 */
@Injectable()
export class PaymentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(actor: Actor, input: RecordPaymentInput): Promise<Payment> {
    if (toFen(input.amount) <= 0n) throw ContractErrors.zeroAmount();
    return inTransaction(this.db, async (m) => {
      const c = await lockContract(m, actor, input.contractId);
      if (input.billId) {
        const [bill] = await m.query<{ id: string }[]>(
          'SELECT id FROM contract_bill WHERE id = $1 AND contract_id = $2',
          [input.billId, c.id],
        );
        if (!bill) throw ContractErrors.billNotOfContract();
      }
      const row = await this.pay(
        m,
        c.id,
        c.park_id,
        input.amount,
        input.receivedOn,
        input.method,
        input.reference ?? null,
        input.billId ?? null,
      );
      await writeAudit(m, actor, [
        { entityType: 'Payment', entityId: row.id, parkId: c.park_id, before: null, after: row },
      ]);
      return toPayment(row);
    });
  }

  /** Inserts a payment and allocates it: the named bill first, then open bills oldest first; the rest is credit. */
  private async pay(
    m: EntityManager,
    contractId: string,
    parkId: string,
    amount: string,
    on: string,
    method: PaymentMethod,
    reference: string | null,
    billId: string | null,
  ): Promise<PaymentRow> {
    const [payment] = await m.query<PaymentRow[]>(
      `INSERT INTO contract_payment (contract_id, park_id, amount, received_on, method, reference)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [contractId, parkId, amount, on, method, reference],
    );
    const open = await m.query<{ id: string; owed: string }[]>(
      `SELECT id, (amount - paid)::text AS owed FROM contract_bill WHERE contract_id = $1 AND paid < amount
       ORDER BY (id = $2) DESC, due_on, period_start`,
      [contractId, billId],
    );
    let left = toFen(amount);
    const allocations: { bill_id: string; amount: string }[] = [];
    for (const bill of open) {
      if (left === 0n) break;
      const part = toFen(bill.owed) < left ? toFen(bill.owed) : left;
      allocations.push({ bill_id: bill.id, amount: formatFen(part) });
      left -= part;
    }
    if (allocations.length > 0) {
      const json = JSON.stringify(allocations);
      await m.query(
        `INSERT INTO payment_allocation (payment_id, bill_id, amount, allocated_on)
         SELECT $1, r.bill_id, r.amount, $3 FROM jsonb_to_recordset($2::jsonb) AS r(bill_id uuid, amount numeric)`,
        [payment.id, json, on],
      );
      await m.query(
        `UPDATE contract_bill b SET paid = b.paid + r.amount
         FROM jsonb_to_recordset($1::jsonb) AS r(bill_id uuid, amount numeric) WHERE b.id = r.bill_id`,
        [json],
      );
    }
    const [[row]] = await m.query<[PaymentRow[], number]>(
      'UPDATE contract_payment SET allocated = $2 WHERE id = $1 RETURNING *',
      [payment.id, formatFen(toFen(amount) - left)],
    );
    return row;
  }

  async recordDeposit(actor: Actor, input: RecordDepositEventInput): Promise<DepositEvent> {
    if (toFen(input.amount) <= 0n) throw ContractErrors.zeroAmount();
    return inTransaction(this.db, async (m) => {
      const c = await lockContract(m, actor, input.contractId);
      const held = toFen(c.deposit_held);
      const delta = input.kind === DepositEventKind.RECEIVED ? toFen(input.amount) : -toFen(input.amount);
      if (held + delta < 0n) throw ContractErrors.depositShort(money(c.deposit_held));
      let paymentId: string | null = null;
      if (input.kind === DepositEventKind.APPLIED) {
        const payment = await this.pay(
          m,
          c.id,
          c.park_id,
          input.amount,
          input.occurredOn,
          PaymentMethod.DEPOSIT,
          null,
          null,
        );
        paymentId = payment.id;
      }
      await m.query('UPDATE contract SET deposit_held = $2, updated_at = now() WHERE id = $1', [
        c.id,
        formatFen(held + delta),
      ]);
      const [row] = await m.query<DepositEventRow[]>(
        `INSERT INTO deposit_event (contract_id, kind, amount, occurred_on, note, payment_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [c.id, input.kind, input.amount, input.occurredOn, input.note ?? null, paymentId],
      );
      await writeAudit(m, actor, [
        {
          entityType: 'Contract',
          entityId: c.id,
          parkId: c.park_id,
          before: { depositHeld: money(c.deposit_held) },
          after: { depositHeld: formatFen(held + delta) },
          reason: `deposit ${input.kind}`,
        },
      ]);
      return toDepositEvent(row);
    });
  }
}
