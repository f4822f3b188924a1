import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed login attempts, counted per username and per client IP in a sliding window (rate limit). */
@Entity('login_failure')
@Index('login_failure_username_idx', ['username', 'occurredAt'])
@Index('login_failure_ip_idx', ['ip', 'occurredAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  ip: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
