import { completeResidentId } from '../../src/modules/talent/pii/resident-id';
import { dataOf, factories, nextId } from './factories';
import type { TestApp } from './test-app';

/** A valid resident ID number (Dazu, clearly fake 1900 birth date), different on every call within a file. */
export function nextIdNumber(): string {
  const n = nextId();
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(n / 12) % 28) + 1).padStart(2, '0');
  return completeResidentId(`500111` + `1900${month}${day}` + String(n % 1000).padStart(3, '0'));
}

export interface PersonRow {
  name: string;
  idNumber?: string;
  phone?: string;
  homeRegion: string;
}

export const person = (name: string, extra: Partial<PersonRow> = {}): PersonRow => ({
  name,
  idNumber: nextIdNumber(),
  phone: `1390000${String(nextId()).padStart(4, '0')}`,
  homeRegion: 'DAZU',
  ...extra,
});

export const ENROL = `mutation($input: EnrolTraineesInput!) {
  enrolTrainees(input: $input) { enrolled trainees { id name idNumber } } }`;

/** A park with a program and a cohort, for talent tests. */
export async function talentPark(
  t: TestApp,
): Promise<{ parkCode: string; cohortId: string; programCode: string }> {
  const park = await factories(t).park();
  const programCode = `prog-${nextId()}`;
  dataOf(
    await t.gql('mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }', {
      input: { parkCode: park.code, code: programCode, name: '数字文创' },
    }),
  );
  const cohort = dataOf(
    await t.gql<{ createCohort: { id: string } }>(
      'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
      {
        input: {
          parkCode: park.code,
          programCode,
          code: `cohort-${nextId()}`,
          name: '首批',
          intakeOn: '2023-09-01',
          plannedSize: 10,
        },
      },
    ),
  ).createCohort;
  return { parkCode: park.code, cohortId: cohort.id, programCode };
}

/** Enrols people into a cohort on a date; returns their ids in row order. */
export async function enrol(
  t: TestApp,
  cohortId: string,
  rows: PersonRow[],
  enrolledOn = '2023-09-01',
): Promise<string[]> {
  const res = await t.gql<{ enrolTrainees: { trainees: { id: string }[] } }>(ENROL, {
    input: { cohortId, enrolledOn, trainees: rows },
  });
  return dataOf(res).enrolTrainees.trainees.map((x) => x.id);
}

export const MOVE = `mutation($input: MoveTraineeInput!) { moveTrainee(input: $input) { id status } }`;
export const MOVE_COHORT = `mutation($input: MoveCohortInput!) { moveCohort(input: $input) { moved withdrawnSkipped } }`;
