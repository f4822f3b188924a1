import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '../../database/transaction';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { PG_EXCLUSION_VIOLATION, PG_UNIQUE_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { writeAudit } from '../access/audit';
import { Actor, parkScope } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import {
  InstallMachineInput,
  MachineRefInput,
  MoveMachineInput,
  RegisterMachineInput,
  RemoveMachineInput,
} from './dto/machine.inputs';
import { MACHINE_COLUMNS, MachineRow, PlacementRow, toMachine, toPlacement } from './machine.mappers';
import { Machine, MachinePlacement } from './machine.models';
import { placedOnSql } from './machine-sql';
import { MachineErrors } from './machines.errors';

/** A machine row locked for a write, with its owner's name for messages. */
type LockedMachine = MachineRow & { owner_name: string };

/**
 * The machine register and where machines stand. Every write is one transaction that locks the machine row first;
 * the exclusion constraint machine_placement_no_overlap decides what a lock cannot (it is the last word on overlaps).
 */
@Injectable()
export class MachineRegistryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async register(actor: Actor, input: RegisterMachineInput): Promise<Machine> {
    try {
      return await inTransaction(this.db, (m) => this.registerIn(m, actor, input));
    } catch (error) {
      throw this.registerError(error, input);
    }
  }

  /**
   * The registration itself, inside the caller's transaction `m` (the spreadsheet import registers rows this way);
   * the caller passes what it catches to registerError.
   */
  async registerIn(m: EntityManager, actor: Actor, input: RegisterMachineInput): Promise<Machine> {
    if (!input.ownerEnterpriseId === !input.ownerCreditCode) throw MachineErrors.ownerRequired();
    const parkId = await requireParkId(m, actor, input.parkCode);
    const [owner] = await m.query<{ id: string }[]>(
      `SELECT id FROM enterprise WHERE park_id = $1 AND ($2::uuid IS NULL OR id = $2) AND ($3::text IS NULL OR credit_code = $3)`,
      [parkId, input.ownerEnterpriseId ?? null, input.ownerCreditCode ?? null],
    );
    if (!owner) throw new NotFoundError('Enterprise', input.ownerEnterpriseId ?? input.ownerCreditCode!);
    const [row] = await m.query<MachineRow[]>(
      `INSERT INTO machine AS m (park_id, serial_number, type, manufacturer, model, axes, spindle_power_kw, commissioned_year, owner_enterprise_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${MACHINE_COLUMNS}`,
      [
        parkId,
        input.serialNumber,
        input.type,
        input.manufacturer,
        input.model,
        input.axes ?? null,
        input.spindlePowerKw ?? null,
        input.commissionedYear ?? null,
        owner.id,
      ],
    );
    await writeAudit(m, actor, [
      { entityType: 'Machine', entityId: row.id, parkId, before: null, after: row },
    ]);
    return toMachine(row);
  }

  /** What a failed registration tells the client: a serial number taken (the unique index decides) is CONFLICT. */
  registerError(error: unknown, input: RegisterMachineInput): unknown {
    return pgError(error).code === PG_UNIQUE_VIOLATION
      ? MachineErrors.serialTaken(input.serialNumber)
      : error;
  }

  /** Places an unplaced machine in a unit its owner holds on that date. */
  async install(actor: Actor, input: InstallMachineInput): Promise<MachinePlacement> {
    return this.placementWrite((m) => this.installIn(m, actor, input));
  }

  /** The installation itself, inside the caller's transaction (the spreadsheet import places machines this way). */
  async installIn(m: EntityManager, actor: Actor, input: InstallMachineInput): Promise<MachinePlacement> {
    const machine = await this.lockMachine(m, actor, input);
    const unit = await this.holdableUnit(m, machine, input.unitCode, input.on);
    const [clash] = await m.query<(PlacementRow & { unit_code: string })[]>(
      `SELECT p.*, u.code AS unit_code FROM machine_placement p JOIN unit u ON u.id = p.unit_id
       WHERE p.machine_id = $1 AND (p.until_on IS NULL OR p.until_on > $2) ORDER BY p.from_on LIMIT 1`,
      [machine.id, input.on],
    );
    if (clash) throw MachineErrors.alreadyPlaced(machine.serial_number, clash.unit_code, clash.from_on);
    return this.place(m, actor, machine, unit.id, input.on, input.note ?? null);
  }

  /** Closes the machine's placement on the date and opens one in the new unit (held by the owner then). */
  async move(actor: Actor, input: MoveMachineInput): Promise<MachinePlacement> {
    return this.placementWrite(async (m) => {
      const machine = await this.lockMachine(m, actor, input);
      const current = await this.placementOn(m, machine, input.on);
      const unit = await this.holdableUnit(m, machine, input.unitCode, input.on);
      if (unit.id === current.unit_id) throw MachineErrors.sameUnit(input.unitCode);
      await this.close(m, actor, machine, current, input.on, input.note ?? null);
      return this.place(m, actor, machine, unit.id, input.on, input.note ?? null);
    });
  }

  /** Takes the machine out of its unit from the date. */
  async remove(actor: Actor, input: RemoveMachineInput): Promise<MachinePlacement> {
    return this.placementWrite(async (m) => {
      const machine = await this.lockMachine(m, actor, input);
      const current = await this.placementOn(m, machine, input.on);
      return this.close(m, actor, machine, current, input.on, input.reason);
    });
  }

  /**
   * A machine of the actor's parks by id or serial number, locked FOR UPDATE so that writes to one machine queue
   * behind each other. NOT_FOUND outside the actor's parks.
   */
  async lockMachine(m: EntityManager, actor: Actor, ref: MachineRefInput): Promise<LockedMachine> {
    if (!ref.machineId === !ref.serialNumber) throw MachineErrors.machineRefRequired();
    const [row] = await m.query<LockedMachine[]>(
      `SELECT ${MACHINE_COLUMNS}, e.name AS owner_name FROM machine m JOIN enterprise e ON e.id = m.owner_enterprise_id
       WHERE ($1::uuid IS NULL OR m.id = $1) AND ($2::text IS NULL OR m.serial_number = $2)
         AND ($3::uuid[] IS NULL OR m.park_id = ANY($3))
       FOR UPDATE OF m`,
      [ref.machineId ?? null, ref.serialNumber ?? null, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('Machine', ref.machineId ?? ref.serialNumber!);
    return row;
  }

  private async placementWrite<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.db, work);
    } catch (error) {
      throw this.placementError(error);
    }
  }

  /** A placement overlapping another of the machine (the exclusion constraint decides) is BAD_USER_INPUT. */
  placementError(error: unknown): unknown {
    return pgError(error).code === PG_EXCLUSION_VIOLATION ? MachineErrors.placementOverlap() : error;
  }

  /** The unit (of the machine's park) by code, if the machine's owner holds it on the date; BAD_USER_INPUT if not. */
  private async holdableUnit(
    m: EntityManager,
    machine: LockedMachine,
    unitCode: string,
    date: string,
  ): Promise<{ id: string }> {
    const [unit] = await m.query<{ id: string; owner_holds: boolean; holder: string | null }[]>(
      `SELECT u.id,
              EXISTS (SELECT 1 FROM tenancy t WHERE t.unit_id = u.id AND t.enterprise_id = $3
                      AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on > $4)) AS owner_holds,
              (SELECT e.name FROM tenancy t JOIN enterprise e ON e.id = t.enterprise_id
               WHERE t.unit_id = u.id AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on > $4)) AS holder
       FROM unit u WHERE u.park_id = $1 AND u.code = $2`,
      [machine.park_id, unitCode, machine.owner_enterprise_id, date],
    );
    if (!unit) throw new NotFoundError('Unit', unitCode);
    if (!unit.owner_holds)
      throw MachineErrors.ownerDoesNotHold(unitCode, machine.owner_name, date, unit.holder);
    return unit;
  }

  /** The placement the machine has on the date, which must have begun before it. */
  private async placementOn(m: EntityManager, machine: LockedMachine, date: string): Promise<PlacementRow> {
    const [row] = await m.query<(PlacementRow & { unit_code: string })[]>(
      `SELECT p.*, u.code AS unit_code FROM machine_placement p JOIN unit u ON u.id = p.unit_id
       WHERE p.machine_id = $1 AND ${placedOnSql('p', '$2::date')}`,
      [machine.id, date],
    );
    if (!row) throw MachineErrors.notPlacedOn(machine.serial_number, date);
    const { unit_code: unitCode, ...placement } = row;
    if (placement.from_on >= date) throw MachineErrors.notAfterPlacement(placement.from_on, unitCode);
    return placement;
  }

  private async place(
    m: EntityManager,
    actor: Actor,
    machine: LockedMachine,
    unitId: string,
    from: string,
    note: string | null,
  ): Promise<MachinePlacement> {
    const [row] = await m.query<PlacementRow[]>(
      `INSERT INTO machine_placement (park_id, machine_id, unit_id, from_on, note) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [machine.park_id, machine.id, unitId, from, note],
    );
    await writeAudit(m, actor, [
      { entityType: 'MachinePlacement', entityId: row.id, parkId: machine.park_id, before: null, after: row },
    ]);
    return toPlacement(row);
  }

  private async close(
    m: EntityManager,
    actor: Actor,
    machine: LockedMachine,
    current: PlacementRow,
    until: string,
    reason: string | null,
  ): Promise<MachinePlacement> {
    const [[row]] = await m.query<[PlacementRow[], number]>(
      'UPDATE machine_placement SET until_on = $2 WHERE id = $1 RETURNING *',
      [current.id, until],
    );
    await writeAudit(m, actor, [
      {
        entityType: 'MachinePlacement',
        entityId: row.id,
        parkId: machine.park_id,
        before: current,
        after: row,
        reason,
      },
    ]);
    return toPlacement(row);
  }
}
