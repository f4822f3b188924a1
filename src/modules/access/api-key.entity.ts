import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ApiKeyKind } from './access.enums';
import { UserEntity } from './user.entity';

/** An API key: read-only for report clients, or a machine gateway's. Only a SHA-256 of its random secret is stored; it is shown once. */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Public part of the key, used to find it. */
  @Index('api_key_prefix_key', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  prefix: string;

  @Column({ type: 'char', length: 64 })
  secretHash: string;

  @Column({ type: 'boolean', default: false })
  allParks: boolean;

  /** READ keys read park data; MACHINE_GATEWAY keys (bound to one park) only report machine events. */
  @Column({ type: 'enum', enum: ApiKeyKind, enumName: 'api_key_kind', default: ApiKeyKind.READ })
  kind: ApiKeyKind;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'api_key_created_by_id_fkey' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
