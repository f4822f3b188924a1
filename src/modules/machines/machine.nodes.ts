import type { DataSource } from 'typeorm';
import { NodeRegistry, parkScoped, sqlSource } from '../../graphql/node/node-registry';
import { PlacementRow, PlanRow, RecordRow, toPlacement, toPlan, toRecord } from './machine.mappers';
import { machineLoaders } from './machines.loaders';

const IN_PARKS = '($2::uuid[] IS NULL OR m.park_id = ANY($2))';

/** Machine, MachinePlacement, MaintenancePlan and MaintenanceRecord for `node(id:)`, scoped by park. */
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
}
