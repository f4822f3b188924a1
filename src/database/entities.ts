import { ApiKeyEntity } from '../modules/access/api-key.entity';
import { AuditLogEntity } from '../modules/access/audit-log.entity';
import { LoginFailureEntity } from '../modules/access/login-failure.entity';
import { ApiKeyParkEntity, UserParkEntity } from '../modules/access/scope.entities';
import { UserEntity } from '../modules/access/user.entity';
import {
  ContractBillEntity,
  ContractPaymentEntity,
  DepositEventEntity,
  PaymentAllocationEntity,
} from '../modules/contracts/billing.entities';
import {
  ContractEntity,
  ContractTenancyEntity,
  ContractVersionEntity,
} from '../modules/contracts/contract.entities';
import { ContractIncentiveEntity, IncentivePolicyEntity } from '../modules/contracts/incentive.entities';
import { EnterpriseEntity } from '../modules/enterprises/enterprise.entity';
import { MachineEventEntity } from '../modules/machines/machine-event.entity';
import { MachinePlacementEntity } from '../modules/machines/machine-placement.entity';
import { MachineEntity } from '../modules/machines/machine.entity';
import { MaintenancePlanEntity, MaintenanceRecordEntity } from '../modules/machines/maintenance.entities';
import { FiguresVersionEntity } from '../modules/occupancy/figures-version.entity';
import { InstitutionContactEntity, InstitutionEntity } from '../modules/partners/institution.entity';
import {
  AgreementEntity,
  AgreementPartyEntity,
  ObligationEntity,
} from '../modules/partners/agreement.entity';
import {
  LeadEntity,
  LeadEventEntity,
  LeadStageEventEntity,
  RecruitmentEventEntity,
} from '../modules/recruitment/recruitment.entities';
import { PublishedFigureEntity } from '../modules/reports/published-figure.entity';
import { FigureSnapshotEntity, FigureSnapshotEpochEntity } from '../modules/reports/figure-snapshot.entity';
import {
  ImportUploadChunkEntity,
  ImportUploadEntity,
} from '../modules/reports/import/import-upload.entities';
import { ParkEntity } from '../modules/space/park.entity';
import {
  CertificationEntity,
  ContestEntity,
  ContestEntryEntity,
} from '../modules/talent/achievement.entities';
import {
  CohortEntity,
  CohortInstitutionEntity,
  CohortTraineeEntity,
  TalentProgramEntity,
} from '../modules/talent/program.entities';
import { TalentTargetEntity } from '../modules/talent/talent-target.entity';
import { TraineeEntity, TraineeStatusEventEntity } from '../modules/talent/trainee.entities';
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
  FiguresVersionEntity,
  InstitutionEntity,
  InstitutionContactEntity,
  AgreementEntity,
  AgreementPartyEntity,
  ObligationEntity,
  RecruitmentEventEntity,
  LeadEntity,
  LeadEventEntity,
  LeadStageEventEntity,
  TalentProgramEntity,
  CohortEntity,
  TraineeEntity,
  CohortTraineeEntity,
  TraineeStatusEventEntity,
  CertificationEntity,
  ContestEntity,
  ContestEntryEntity,
  TalentTargetEntity,
  CohortInstitutionEntity,
  ContractEntity,
  ContractVersionEntity,
  ContractTenancyEntity,
  IncentivePolicyEntity,
  ContractIncentiveEntity,
  ContractBillEntity,
  ContractPaymentEntity,
  PaymentAllocationEntity,
  DepositEventEntity,
  PublishedFigureEntity,
  FigureSnapshotEntity,
  FigureSnapshotEpochEntity,
  ImportUploadEntity,
  ImportUploadChunkEntity,
];
