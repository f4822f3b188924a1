import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../common/entities/base.entity';
import { Role } from './access.enums';

@Entity('app_user')
export class UserEntity extends BaseEntity {
  /** Lower-case login name. */
  @Index('app_user_username_key', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  /** scrypt$N$r$p$salt$hash (Node's crypto.scrypt); never reversible. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'enum', enum: Role, enumName: 'role', array: true })
  roles: Role[];

  /** Acts in every park (platform operator); otherwise only in the parks of app_user_park. */
  @Column({ type: 'boolean', default: false })
  allParks: boolean;

  /** Bumped on password change and disable: tokens carrying an older value are refused. */
  @Column({ type: 'integer', default: 1 })
  tokenVersion: number;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  /** A demo account (password published in the README); the server refuses production while any exists. */
  @Column({ type: 'boolean', default: false })
  demo: boolean;
}
