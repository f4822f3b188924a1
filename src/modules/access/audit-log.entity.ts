import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ActorKind } from './access.enums';

/**
 * One entry per change, written in the same transaction as the change. Append-only: a trigger (see the migration)
 * refuses UPDATE and DELETE.
 */
@Entity('audit_log')
@Index('audit_log_entity_idx', ['entityType', 'entityId', 'occurredAt'])
@Index('audit_log_occurred_at_idx', ['occurredAt'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'enum', enum: ActorKind, enumName: 'actor_kind' })
  actorKind: ActorKind;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 200 })
  actorName: string;

  /** The GraphQL mutation (or script) that made the change. */
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  @Column({ type: 'varchar', length: 60 })
  entityType: string;

  @Column({ type: 'varchar', length: 100 })
  entityId: string;

  /** The park the entity belongs to, so park-scoped admins see their park's entries only. */
  @Index('audit_log_park_id_idx')
  @Column({ type: 'uuid', nullable: true })
  parkId: string | null;

  /** [{ field, before, after }] */
  @Column({ type: 'jsonb' })
  changes: { field: string; before: unknown; after: unknown }[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
