import type { DataSource } from 'typeorm';
import { NodeRegistry, rowsSource, sqlSource } from '../../graphql/node/node-registry';
import { TenanciesService } from './tenancies.service';
import { StageEventRow, toStageEvent } from './tenancy.mappers';

/** Tenancy and TenancyStageEvent for `node(id:)`, scoped by the park of the unit. */
export function registerTenancyNodes(nodes: NodeRegistry, db: DataSource, tenancies: TenanciesService): void {
  nodes.register(
    'Tenancy',
    rowsSource(
      'Tenancy',
      (ids, actor) => tenancies.findMany(actor, ids),
      (t) => t,
    ),
  );
  nodes.register(
    'TenancyStageEvent',
    sqlSource<StageEventRow>(
      'TenancyStageEvent',
      db,
      `SELECT e.* FROM tenancy_stage_event e JOIN tenancy t ON t.id = e.tenancy_id JOIN unit u ON u.id = t.unit_id
       WHERE e.id = ANY($1) AND ($2::uuid[] IS NULL OR u.park_id = ANY($2))`,
      toStageEvent,
    ),
  );
}
