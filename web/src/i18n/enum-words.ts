import type {
  AgreementKind,
  AgreementStatus,
  ContractStatus,
  Industry,
  MachineStatus,
  MaintenanceDueBy,
  Province,
  RentBasis,
  Role,
  TargetMetric,
  TenancyStage,
  TraineeStatus,
  UnitStatus,
} from '../gql/graphql';

/**
 * The words of every API enum the console shows, one entry per value: typed from the generated schema types, so a
 * value added to the API fails the build until both languages name it (and enum-words.spec.ts checks the same against
 * schema.gql and the console's operations).
 */
export interface EnumWords {
  AgreementKind: Record<AgreementKind, string>;
  AgreementStatus: Record<AgreementStatus, string>;
  ContractStatus: Record<ContractStatus, string>;
  Industry: Record<Industry, string>;
  MachineStatus: Record<MachineStatus, string>;
  MaintenanceDueBy: Record<MaintenanceDueBy, string>;
  Province: Record<Province, string>;
  RentBasis: Record<RentBasis, string>;
  Role: Record<Role, string>;
  TargetMetric: Record<TargetMetric, string>;
  TenancyStage: Record<TenancyStage, string>;
  TraineeStatus: Record<TraineeStatus, string>;
  UnitStatus: Record<UnitStatus, string>;
}

export type EnumName = keyof EnumWords;
