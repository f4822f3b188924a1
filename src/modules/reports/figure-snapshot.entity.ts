import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParkEntity } from '../space/park.entity';

/**
 * The month-end values of every measure of a park, for a closed month (figure-snapshots.service.ts): the whole park
 * and each zone (for the measures that group by ZONE). One row per park and month (the primary key: concurrent
 * readers cannot store two). Rows are deleted by the snapshot-correction triggers (migration AddFigureSnapshots) when
 * data dated in that month or earlier changes, and computed again on the next read.
 */
@Entity('figure_snapshot')
@Check(
  'figure_snapshot_month_end',
  `"month_end" = (date_trunc('month', "month_end") + interval '1 month - 1 day')::date`,
)
export class FigureSnapshotEntity {
  @PrimaryColumn({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'figure_snapshot_park_id_fkey' })
  park?: ParkEntity;

  /** The last day of the month. */
  @PrimaryColumn({ type: 'date' })
  monthEnd: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  computedAt: Date;

  /** Measure name → value for the whole park. */
  @Column({ type: 'jsonb' })
  parkValues: Record<string, number>;

  /** One entry per zone row of the ZONE grouping: `{ zoneCode, values: { measure: value } }`. */
  @Column({ type: 'jsonb' })
  zoneRows: { zoneCode: string | null; values: Record<string, number> }[];
}

/**
 * A counter per park that the snapshot-correction triggers raise (at commit) whenever they delete snapshots; a reader
 * stores what it computed only when the counter has not moved since it started (and it locks the row to compare), so a
 * correction committed during the computation is never overwritten by older numbers.
 */
@Entity('figure_snapshot_epoch')
export class FigureSnapshotEpochEntity {
  @PrimaryColumn({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'figure_snapshot_epoch_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'bigint', default: 0 })
  epoch: string;
}
