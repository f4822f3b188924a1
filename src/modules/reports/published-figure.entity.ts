import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ParkEntity } from '../space/park.entity';
import { ZoneEntity } from '../space/zone.entity';

/**
 * A figure as published (press release, annual report): the value, the definition it was computed with and the
 * inputs of its source on that date, so that verifyPublishedFigure can say what changed since. Never updated.
 */
@Entity('published_figure')
@Index('published_figure_park_id_as_of_idx', ['parkId', 'asOf', 'id'])
export class PublishedFigureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  parkId: string;

  @ManyToOne(() => ParkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'published_figure_park_id_fkey' })
  park?: ParkEntity;

  @Column({ type: 'uuid', nullable: true })
  zoneId: string | null;

  @ManyToOne(() => ZoneEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'zone_id', foreignKeyConstraintName: 'published_figure_zone_id_fkey' })
  zone?: ZoneEntity;

  /** A Measure enum value (the registry may grow; a removed measure keeps its stored definition here). */
  @Column({ type: 'varchar', length: 60 })
  measure: string;

  @Column({ type: 'date' })
  asOf: string;

  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'double precision' })
  value: number;

  /** The description and SQL of the measure when published. */
  @Column({ type: 'text' })
  definition: string;

  /** Every measure of the same source in the same scope and date: { TOTAL_UNITS: 120, OCCUPIED_UNITS: 92, … }. */
  @Column({ type: 'jsonb' })
  inputs: Record<string, number>;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @Column({ type: 'varchar', length: 200 })
  publishedByName: string;

  @CreateDateColumn({ type: 'timestamptz' })
  publishedAt: Date;
}
