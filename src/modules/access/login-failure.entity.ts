import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Sign-in attempts, counted per username and per client IP in a sliding window (rate limit). A row is written before
 * the password is checked and removed when the check succeeds, so the rows of a window are the failed (or still
 * running) attempts.
 */
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
