import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParkEntity } from '../space/park.entity';

/**
 * A counter per park that every committed change to its units or tenancies raises (a deferred trigger, migration
 * AddFiguresVersion): computed figures are cached under it (figures-cache.ts), so a cached figure is never older than
 * the data of its version, on any number of API processes. No row yet = version 0.
 */
@Entity('figures_version')
export class FiguresVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'park_id' })
  park?: ParkEntity;

  @Column({ type: 'bigint', default: 0 })
  version: string;
}
