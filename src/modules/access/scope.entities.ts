import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParkEntity } from '../space/park.entity';
import { ApiKeyEntity } from './api-key.entity';
import { UserEntity } from './user.entity';

/** The parks a (not all-parks) user may act in. */
@Entity('app_user_park')
export class UserParkEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index('app_user_park_park_id_idx')
  parkId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'app_user_park_user_id_fkey' })
  user?: UserEntity;

  @ManyToOne(() => ParkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'app_user_park_park_id_fkey' })
  park?: ParkEntity;
}

/** The parks an API key may read. */
@Entity('api_key_park')
export class ApiKeyParkEntity {
  @PrimaryColumn({ type: 'uuid' })
  apiKeyId: string;

  @PrimaryColumn({ type: 'uuid' })
  @Index('api_key_park_park_id_idx')
  parkId: string;

  @ManyToOne(() => ApiKeyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'api_key_park_api_key_id_fkey' })
  apiKey?: ApiKeyEntity;

  @ManyToOne(() => ParkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'park_id', foreignKeyConstraintName: 'api_key_park_park_id_fkey' })
  park?: ParkEntity;
}
