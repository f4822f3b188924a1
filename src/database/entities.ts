import { ApiKeyEntity } from '../modules/access/api-key.entity';
import { AuditLogEntity } from '../modules/access/audit-log.entity';
import { LoginFailureEntity } from '../modules/access/login-failure.entity';
import { ApiKeyParkEntity, UserParkEntity } from '../modules/access/scope.entities';
import { UserEntity } from '../modules/access/user.entity';
import { EnterpriseEntity } from '../modules/enterprises/enterprise.entity';
import { MachineEventEntity } from '../modules/machines/machine-event.entity';
import { MachinePlacementEntity } from '../modules/machines/machine-placement.entity';
import { MachineEntity } from '../modules/machines/machine.entity';
import { MaintenancePlanEntity, MaintenanceRecordEntity } from '../modules/machines/maintenance.entities';
import { PublishedFigureEntity } from '../modules/reports/published-figure.entity';
import { ParkEntity } from '../modules/space/park.entity';
import { UnitEntity } from '../modules/space/unit.entity';
import { ZoneEntity } from '../modules/space/zone.entity';
import { TenancyStageEventEntity } from '../modules/tenancies/tenancy-stage-event.entity';
import { TenancyEntity } from '../modules/tenancies/tenancy.entity';

/** Every TypeORM entity of the application; each domain module adds its own here. */
export const ENTITIES: Function[] = [
  ParkEntity,
  ZoneEntity,
  UnitEntity,
  EnterpriseEntity,
  TenancyEntity,
  TenancyStageEventEntity,
  UserEntity,
  UserParkEntity,
  ApiKeyEntity,
  ApiKeyParkEntity,
  AuditLogEntity,
  LoginFailureEntity,
  MachineEntity,
  MachinePlacementEntity,
  MachineEventEntity,
  MaintenancePlanEntity,
  MaintenanceRecordEntity,
  PublishedFigureEntity,
];
