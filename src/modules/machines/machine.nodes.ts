import type { DataSource } from 'typeorm';
import { NodeRegistry, parkScoped, sqlSource } from '../../graphql/node/node-registry';
import {
  PlacementRow,
  PlanRow,
  RecordRow,
  StatusEventRow,
  toPlacement,
  toPlan,
  toRecord,
  toStatusEvent,
} from './machine.mappers';
import { machineLoaders } from './machines.loaders';

const IN_PARKS = '($2::uuid[] IS NULL OR m.park_id = ANY($2))';

/**
 * Machine, MachinePlacement, MaintenancePlan, MaintenanceRecord and MachineStatusEvent (STATUS events only) for
 * `node(id:)`, scoped by park.
 */
export function registerMachineNodes(nodes: NodeRegistry, db: DataSource): void {
  nodes.register(
    'Machine',
    parkScoped(
      (id, ctx) => machineLoaders(ctx).machine.load(id),
      (m) => m.parkId,
    ),
  );
  nodes.register(
    'MachinePlacement',
    sqlSource<PlacementRow>(
      'MachinePlacement',
      db,
      'SELECT * FROM machine_placement m WHERE m.id = ANY($1) AND ' + IN_PARKS,
      toPlacement,
    ),
  );
  nodes.register(
    'MaintenancePlan',
    sqlSource<PlanRow>(
      'MaintenancePlan',
      db,
      `SELECT p.* FROM maintenance_plan p JOIN machine m ON m.id = p.machine_id WHERE p.id = ANY($1) AND ${IN_PARKS}`,
      toPlan,
    ),
  );
  nodes.register(
    'MaintenanceRecord',
    sqlSource<RecordRow>(
      'MaintenanceRecord',
      db,
      `SELECT r.* FROM maintenance_record r JOIN machine m ON m.id = r.machine_id WHERE r.id = ANY($1) AND ${IN_PARKS}`,
      toRecord,
    ),
  );
  nodes.register(
    'MachineStatusEvent',
    sqlSource<StatusEventRow>(
      'MachineStatusEvent',
      db,
      `SELECT e.id, e.machine_id, e.occurred_at, e.status, e.down_kind, e.reason_code
       FROM machine_event e JOIN machine m ON m.id = e.machine_id
       WHERE e.id = ANY($1) AND e.kind = 'STATUS' AND ${IN_PARKS}`,
      toStatusEvent,
      { numericKeys: true },
    ),
  );
}
