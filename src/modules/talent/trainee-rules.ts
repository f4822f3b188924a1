import { FieldError } from '../../common/errors/app-error';
import { PersonInput } from './dto/trainee.inputs';
import { birthDateOf, genderOf } from './pii/resident-id';
import { Gender, rankOf, TraineeStatus } from './talent.enums';
import { TalentErrors } from './talent.errors';

/** A person's row values after the checks: gender and birth date default to what the ID number carries. */
export interface CheckedPerson {
  name: string;
  idNumber: string | null;
  gender: Gender | null;
  birthOn: string | null;
  phone: string | null;
  homeRegion: string;
}

/**
 * Checks a person against their ID number (given gender and birth date must agree with it) and fills what it
 * carries. Problems are pushed to `errors` with `path` (e.g. `input.trainees.3`) before the field name.
 */
export function checkPerson(p: PersonInput, path: string, errors: FieldError[]): CheckedPerson {
  const id = p.idNumber ?? null;
  if (id) {
    if (p.gender && p.gender !== (genderOf(id) as Gender))
      errors.push(TalentErrors.idDisagrees(`${path}.gender`, 'gender'));
    if (p.birthOn && p.birthOn !== birthDateOf(id))
      errors.push(TalentErrors.idDisagrees(`${path}.birthOn`, 'birth date'));
  }
  return {
    name: p.name.trim(),
    idNumber: id,
    gender: p.gender ?? (id ? (genderOf(id) as Gender) : null),
    birthOn: p.birthOn ?? (id ? birthDateOf(id) : null),
    phone: p.phone ?? null,
    homeRegion: p.homeRegion,
  };
}

/** The status in force (the latest event), as a move is checked against it. */
export interface CurrentStatus {
  status: TraineeStatus;
  effective_on: string;
}

/**
 * Why a move is refused, or undefined: stages only move forward (skipping is allowed), WITHDRAWN from any stage but
 * nothing after it, and never dated before the status in force.
 */
export function moveProblem(
  current: CurrentStatus | null,
  next: TraineeStatus,
  on: string,
  field: string,
  dateField: string,
): FieldError | undefined {
  if (!current) return undefined;
  if (current.status === TraineeStatus.WITHDRAWN || rankOf(next) <= rankOf(current.status))
    return TalentErrors.notForward(field, current.status, next);
  if (on < current.effective_on)
    return TalentErrors.beforeCurrent(dateField, current.status, current.effective_on);
  return undefined;
}
