import { Certification, Contest, ContestEntry } from './achievement.models';
import { Cohort, Program } from './program.models';
import { CertificationLevel, ContestLevel, Gender, HomeRegion, TraineeStatus } from './talent.enums';
import { Trainee, TraineeStatusEvent } from './trainee.models';

export interface TraineeRow {
  id: string;
  park_id: string;
  name: string;
  gender: Gender | null;
  birth_on: string | null;
  id_number_cipher: Buffer | null;
  phone: string | null;
  home_region: HomeRegion | null;
  erased_at: Date | null;
  version: number;
}

export const toTrainee = (r: TraineeRow, asOf?: string): Trainee => ({
  id: r.id,
  parkId: r.park_id,
  name: r.name,
  gender: r.gender,
  birthOn: r.birth_on,
  idNumberCipher: r.id_number_cipher,
  phone: r.phone,
  homeRegion: r.home_region,
  erased: r.erased_at !== null,
  version: r.version,
  asOf,
});

export interface StatusEventRow {
  /** bigint: a sequence number. */
  id: string | number;
  trainee_id: string;
  status: TraineeStatus;
  effective_on: string;
  enterprise_id: string | null;
  position: string | null;
  reason: string | null;
  recorded_by: string;
  recorded_at: Date;
}

/** Event columns with the date as text (a `date` read as a JS Date would shift with the time zone). */
export const EVENT_COLUMNS = `e.id, e.trainee_id, e.status, e.effective_on::text AS effective_on, e.enterprise_id, e.position,
  e.reason, e.recorded_by, e.recorded_at`;

export const toStatusEvent = (r: StatusEventRow): TraineeStatusEvent => ({
  id: String(r.id),
  traineeId: r.trainee_id,
  status: r.status,
  effectiveOn: r.effective_on,
  enterpriseId: r.enterprise_id,
  position: r.position,
  reason: r.reason,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export interface ProgramRow {
  id: string;
  park_id: string;
  code: string;
  name: string;
  name_en: string | null;
}

export const toProgram = (r: ProgramRow): Program => ({
  id: r.id,
  parkId: r.park_id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
});

export interface CohortRow {
  id: string;
  park_id: string;
  program_id: string;
  zone_id: string | null;
  code: string;
  name: string;
  intake_on: string;
  planned_size: number;
}

export const COHORT_COLUMNS = `c.id, c.park_id, c.program_id, c.zone_id, c.code, c.name, c.intake_on::text AS intake_on,
  c.planned_size`;

export const toCohort = (r: CohortRow): Cohort => ({
  id: r.id,
  parkId: r.park_id,
  programId: r.program_id,
  zoneId: r.zone_id,
  code: r.code,
  name: r.name,
  intakeOn: r.intake_on,
  plannedSize: r.planned_size,
});

export interface CertificationRow {
  id: string;
  trainee_id: string;
  occupation: string;
  level: CertificationLevel;
  certificate_number: string | null;
  issuer: string;
  issued_on: string;
  expires_on: string | null;
}

export const CERTIFICATION_COLUMNS = `c.id, c.trainee_id, c.occupation, c.level, c.certificate_number, c.issuer,
  c.issued_on::text AS issued_on, c.expires_on::text AS expires_on`;

export const toCertification = (r: CertificationRow): Certification => ({
  id: r.id,
  traineeId: r.trainee_id,
  occupation: r.occupation,
  level: r.level,
  certificateNumber: r.certificate_number,
  issuer: r.issuer,
  issuedOn: r.issued_on,
  expiresOn: r.expires_on,
});

export interface ContestRow {
  id: string;
  park_id: string;
  name: string;
  level: ContestLevel;
  round: string;
  host: string;
  starts_on: string;
  ends_on: string;
}

export const CONTEST_COLUMNS = `k.id, k.park_id, k.name, k.level, k.round, k.host, k.starts_on::text AS starts_on,
  k.ends_on::text AS ends_on`;

export const toContest = (r: ContestRow): Contest => ({
  id: r.id,
  parkId: r.park_id,
  name: r.name,
  level: r.level,
  round: r.round,
  host: r.host,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
});

export interface EntryRow {
  id: string;
  contest_id: string;
  trainee_id: string;
  result: string | null;
  rank: number | null;
  award: string | null;
  recommended: boolean;
}

export const toEntry = (r: EntryRow): ContestEntry => ({
  id: r.id,
  contestId: r.contest_id,
  traineeId: r.trainee_id,
  result: r.result,
  rank: r.rank,
  award: r.award,
  recommended: r.recommended,
});
