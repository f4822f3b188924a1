import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { inTransaction } from '../../database/transaction';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { MachineEventInput } from './dto/machine-events.input';
import { MachineEventKind, MachineEventOutcome, MachineStatus } from './machine.enums';
import { MachineEventError, MachineEventResult, RecordMachineEventsResult } from './machine.models';
import { EventErrors } from './machines.errors';

/** Controllers' clocks drift; an event this far ahead of the server's clock is refused as "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** One event after the checks that need no database, with the machine it names once known. */
interface Candidate {
  index: number;
  input: MachineEventInput;
  kind: MachineEventKind;
  machineId?: string;
  key?: string;
}

interface StoredEvent {
  machine_id: string;
  kind: MachineEventKind;
  occurred_at: Date;
  status: string | null;
  down_kind: string | null;
  reason_code: string | null;
  meter_hours: string | null;
}

const keyOf = (machineId: string, kind: MachineEventKind, at: Date): string =>
  `${machineId}|${kind}|${at.getTime()}`;

/** The content two events must share to be the same event. */
const contentOf = (e: {
  status?: string | null;
  downKind?: string | null;
  reasonCode?: string | null;
  meterHours?: number | null;
}): string =>
  JSON.stringify([e.status ?? null, e.downKind ?? null, e.reasonCode ?? null, e.meterHours ?? null]);

/**
 * Shop-floor events in batches: every event is checked, the valid ones are written by ONE INSERT (whatever the batch
 * size), and each gets its own result. Idempotent: the unique key (machine, kind, instant) stores a resent event
 * once; late and out-of-order events are fine because the status at an instant is read as the latest event before
 * it. The machines named are locked (in id order) for the transaction, so two batches for one machine cannot both
 * pass the meter's monotonic check against each other.
 */
@Injectable()
export class MachineEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(actor: Actor, events: MachineEventInput[]): Promise<RecordMachineEventsResult> {
    // Everything is decided inside the transaction, from scratch on each try: a retried transaction (deadlock,
    // serialization failure) must not inherit outcomes of the try that was rolled back.
    const results = await inTransaction(this.db, async (m) => {
      const outcome: MachineEventResult[] = events.map((_, index) => ({
        index,
        outcome: MachineEventOutcome.ACCEPTED,
        error: null,
      }));
      const reject = (i: number, error: MachineEventError) => {
        outcome[i] = { index: i, outcome: MachineEventOutcome.REJECTED, error };
      };
      const candidates = this.checkShapes(events, reject);
      const parkIds = await this.resolveMachines(m, actor, candidates, reject);
      let live = candidates.filter((c) => c.machineId);
      live = await this.dropDuplicates(m, live, outcome, reject);
      live = await this.checkMeters(m, live, reject);
      const inserted = await this.insert(m, actor, live);
      for (const c of live) {
        if (!inserted.has(c.key!)) {
          outcome[c.index] = { index: c.index, outcome: MachineEventOutcome.DUPLICATE, error: null };
        }
      }
      if (inserted.size > 0) {
        await writeAudit(m, actor, [
          {
            entityType: 'MachineEvents',
            entityId: actor.requestId ?? randomUUID(),
            parkId: parkIds.size === 1 ? [...parkIds][0] : null,
            before: null,
            after: { events: events.length, accepted: inserted.size },
          },
        ]);
      }
      return outcome;
    });
    const count = (o: MachineEventOutcome) => results.filter((r) => r.outcome === o).length;
    return {
      accepted: count(MachineEventOutcome.ACCEPTED),
      duplicates: count(MachineEventOutcome.DUPLICATE),
      rejected: count(MachineEventOutcome.REJECTED),
      results,
    };
  }

  /** Checks that need no database: one payload, DOWN with its reason, not in the future. */
  private checkShapes(
    events: MachineEventInput[],
    reject: (i: number, e: MachineEventError) => void,
  ): Candidate[] {
    const latest = Date.now() + FUTURE_TOLERANCE_MS;
    const out: Candidate[] = [];
    events.forEach((input, index) => {
      const hasStatus = input.status !== undefined && input.status !== null;
      const hasMeter = input.meterHours !== undefined && input.meterHours !== null;
      const down = input.status === MachineStatus.DOWN;
      const hasDownDetail = (input.downKind ?? null) !== null || (input.reasonCode ?? null) !== null;
      if (hasStatus === hasMeter) return reject(index, EventErrors.payload(index));
      if (down && (!input.downKind || !input.reasonCode))
        return reject(index, EventErrors.downNeedsReason(index));
      if (!down && hasDownDetail) return reject(index, EventErrors.reasonOnlyWhenDown(index));
      if (input.at.getTime() > latest) return reject(index, EventErrors.future(index));
      out.push({ index, input, kind: hasStatus ? MachineEventKind.STATUS : MachineEventKind.METER });
    });
    return out;
  }

  /** Finds (and locks, in id order) the machines named, in the caller's parks; unknown ones are refused. */
  private async resolveMachines(
    m: EntityManager,
    actor: Actor,
    candidates: Candidate[],
    reject: (i: number, e: MachineEventError) => void,
  ): Promise<Set<string>> {
    const serials = [...new Set(candidates.map((c) => c.input.serialNumber))];
    const rows = await m.query<{ id: string; serial_number: string; park_id: string }[]>(
      `SELECT id, serial_number, park_id FROM machine
       WHERE serial_number = ANY($1) AND ($2::uuid[] IS NULL OR park_id = ANY($2))
       ORDER BY id FOR UPDATE`,
      [serials, parkScope(actor)],
    );
    const bySerial = new Map(rows.map((r) => [r.serial_number, r]));
    const parks = new Set<string>();
    for (const c of candidates) {
      const machine = bySerial.get(c.input.serialNumber);
      if (!machine) {
        reject(c.index, EventErrors.unknownMachine(c.index, c.input.serialNumber));
        continue;
      }
      c.machineId = machine.id;
      c.key = keyOf(machine.id, c.kind, c.input.at);
      parks.add(machine.park_id);
    }
    return parks;
  }

  /**
   * Events already stored, or repeated in this batch, with the same content are DUPLICATE; with other content at the
   * same instant they are refused (CONFLICT): one machine has one status and one meter value per instant.
   */
  private async dropDuplicates(
    m: EntityManager,
    live: Candidate[],
    results: MachineEventResult[],
    reject: (i: number, e: MachineEventError) => void,
  ): Promise<Candidate[]> {
    if (live.length === 0) return live;
    const stored = await m.query<StoredEvent[]>(
      `SELECT e.machine_id, e.kind, e.occurred_at, e.status, e.down_kind, e.reason_code, e.meter_hours
       FROM unnest($1::uuid[], $2::machine_event_kind[], $3::timestamptz[]) AS k(machine_id, kind, at)
       JOIN machine_event e ON e.machine_id = k.machine_id AND e.kind = k.kind AND e.occurred_at = k.at`,
      [live.map((c) => c.machineId), live.map((c) => c.kind), live.map((c) => c.input.at.toISOString())],
    );
    const seen = new Map<string, string>(
      stored.map((e) => [
        keyOf(e.machine_id, e.kind, e.occurred_at),
        contentOf({
          status: e.status,
          downKind: e.down_kind,
          reasonCode: e.reason_code,
          meterHours: e.meter_hours === null ? null : Number(e.meter_hours),
        }),
      ]),
    );
    const out: Candidate[] = [];
    for (const c of live) {
      const content = contentOf(c.input);
      const earlier = seen.get(c.key!);
      if (earlier === undefined) {
        seen.set(c.key!, content);
        out.push(c);
      } else if (earlier === content) {
        results[c.index] = { index: c.index, outcome: MachineEventOutcome.DUPLICATE, error: null };
      } else {
        reject(c.index, EventErrors.conflicting(c.index));
      }
    }
    return out;
  }

  /**
   * The meter only goes forward: each new reading must be at least the reading before it and at most the reading
   * after it, among the stored ones and the ones of this batch accepted so far (taken in time order).
   */
  private async checkMeters(
    m: EntityManager,
    live: Candidate[],
    reject: (i: number, e: MachineEventError) => void,
  ): Promise<Candidate[]> {
    const meters = live.filter((c) => c.kind === MachineEventKind.METER);
    if (meters.length === 0) return live;
    const bounds = await m.query<
      {
        i: number;
        prev_hours: string | null;
        prev_at: Date | null;
        next_hours: string | null;
        next_at: Date | null;
      }[]
    >(
      `SELECT k.i, prev.meter_hours AS prev_hours, prev.occurred_at AS prev_at,
              nxt.meter_hours AS next_hours, nxt.occurred_at AS next_at
       FROM unnest($1::int[], $2::uuid[], $3::timestamptz[]) AS k(i, machine_id, at)
       LEFT JOIN LATERAL (SELECT e.meter_hours, e.occurred_at FROM machine_event e
                          WHERE e.machine_id = k.machine_id AND e.kind = 'METER' AND e.occurred_at < k.at
                          ORDER BY e.occurred_at DESC LIMIT 1) prev ON true
       LEFT JOIN LATERAL (SELECT e.meter_hours, e.occurred_at FROM machine_event e
                          WHERE e.machine_id = k.machine_id AND e.kind = 'METER' AND e.occurred_at > k.at
                          ORDER BY e.occurred_at ASC LIMIT 1) nxt ON true`,
      [
        meters.map((c) => c.index),
        meters.map((c) => c.machineId),
        meters.map((c) => c.input.at.toISOString()),
      ],
    );
    const boundOf = new Map(bounds.map((b) => [b.i, b]));
    const refused = new Set<number>();
    const lastAccepted = new Map<string, { value: number; at: Date }>();
    const inTimeOrder = [...meters].sort(
      (a, b) => a.input.at.getTime() - b.input.at.getTime() || a.index - b.index,
    );
    for (const c of inTimeOrder) {
      const value = c.input.meterHours!;
      const b = boundOf.get(c.index);
      const before = lastAccepted.get(c.machineId!);
      const prevStored = b?.prev_hours === null || b?.prev_hours === undefined ? null : Number(b.prev_hours);
      const nextStored = b?.next_hours === null || b?.next_hours === undefined ? null : Number(b.next_hours);
      if (prevStored !== null && value < prevStored) {
        reject(c.index, EventErrors.meterBackwards(c.index, value, prevStored, b!.prev_at!.toISOString()));
      } else if (before && value < before.value) {
        reject(c.index, EventErrors.meterBackwards(c.index, value, before.value, before.at.toISOString()));
      } else if (nextStored !== null && value > nextStored) {
        reject(c.index, EventErrors.meterAheadOfLater(c.index, value, nextStored, b!.next_at!.toISOString()));
      } else {
        lastAccepted.set(c.machineId!, { value, at: c.input.at });
        continue;
      }
      refused.add(c.index);
    }
    return live.filter((c) => !refused.has(c.index));
  }

  /** ONE statement for the whole batch; returns the keys actually inserted (a concurrent twin inserts nothing). */
  private async insert(m: EntityManager, actor: Actor, live: Candidate[]): Promise<Set<string>> {
    if (live.length === 0) return new Set();
    const rows = await m.query<{ machine_id: string; kind: MachineEventKind; occurred_at: Date }[]>(
      `INSERT INTO machine_event (machine_id, occurred_at, kind, status, down_kind, reason_code, meter_hours, source)
       SELECT k.machine_id, k.occurred_at, k.kind, k.status, k.down_kind, k.reason_code, k.meter_hours, $8
       FROM unnest($1::uuid[], $2::timestamptz[], $3::machine_event_kind[], $4::machine_status[],
                   $5::downtime_kind[], $6::text[], $7::numeric[])
            AS k(machine_id, occurred_at, kind, status, down_kind, reason_code, meter_hours)
       ON CONFLICT (machine_id, kind, occurred_at) DO NOTHING
       RETURNING machine_id, kind, occurred_at`,
      [
        live.map((c) => c.machineId),
        live.map((c) => c.input.at.toISOString()),
        live.map((c) => c.kind),
        live.map((c) => c.input.status ?? null),
        live.map((c) => c.input.downKind ?? null),
        live.map((c) => c.input.reasonCode ?? null),
        live.map((c) => c.input.meterHours ?? null),
        actor.principal.name,
      ],
    );
    return new Set(rows.map((r) => keyOf(r.machine_id, r.kind, r.occurred_at)));
  }
}
