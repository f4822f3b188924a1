import { IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';
import { defineImport, parseText } from '../reports/import/import-registry';
import { inSavepoint, rowErrorsOf, RowWriteOptions } from '../reports/import/import-writes';
import type { BatchErrors } from '../reports/import/import-registry';
import { EnrolTraineesInput, PersonInput } from './dto/trainee.inputs';
import { EnrolmentService } from './enrolment.service';

/**
 * A trainee row of a spreadsheet: enrolTrainees' PersonInput (its validation: the resident ID number's check
 * character, phone, region) plus the cohort (by code) and the enrolment date, which a file may vary.
 */
export class TraineeImportRow extends PersonInput {
  @IsString()
  @MaxLength(64)
  cohortCode: string;

  @IsCalendarDate()
  enrolledOn: string;
}

const OPTIONS: RowWriteOptions = {
  columns: ['cohortCode', 'enrolledOn', 'name', 'idNumber', 'gender', 'birthOn', 'phone', 'homeRegion'],
  fallbackField: 'cohortCode',
  aliases: { cohortId: 'cohortCode' },
  notFound: { Cohort: 'cohortCode' },
};

/**
 * Spreadsheet import of trainees (reports/import) under enrolTrainees' rules and access rule: the rows of one cohort
 * and date are enrolled by EnrolmentService.enrolIn in the import's transaction, the one write path of people (ID
 * numbers stored encrypted with a keyed hash; messages and the audit never carry a clear ID number).
 */
export const TRAINEE_IMPORT = defineImport<TraineeImportRow>({
  entity: 'trainees',
  operation: 'Mutation.enrolTrainees',
  rowClass: TraineeImportRow,
  batchSize: 500,
  columns: [
    {
      field: 'cohortCode',
      headers: ['班级代码', 'cohortCode'],
      required: true,
      description: 'Code of the cohort enrolled in (unique in the park).',
      parse: parseText,
    },
    {
      field: 'enrolledOn',
      headers: ['入学日期', 'enrolledOn'],
      required: true,
      description: 'Enrolment date (YYYY-MM-DD): status ENROLLED from that day.',
      parse: parseText,
    },
    { field: 'name', headers: ['姓名', 'name'], required: true, description: 'Name.', parse: parseText },
    {
      field: 'idNumber',
      headers: ['身份证号', 'idNumber'],
      required: false,
      description: 'Resident ID number (18 characters, check character verified); unique in the park.',
      parse: parseText,
    },
    {
      field: 'gender',
      headers: ['性别', 'gender'],
      required: false,
      description: 'MALE/FEMALE (default: from the ID number).',
      parse: parseText,
    },
    {
      field: 'birthOn',
      headers: ['出生日期', 'birthOn'],
      required: false,
      description: 'Birth date (default: from the ID number).',
      parse: parseText,
    },
    {
      field: 'phone',
      headers: ['手机号', 'phone'],
      required: false,
      description: 'Mobile phone: 11 digits, optionally +86.',
      parse: parseText,
    },
    {
      field: 'homeRegion',
      headers: ['生源地', 'homeRegion'],
      required: true,
      description: 'DAZU, ANYUE, SICHUAN_CHONGQING_OTHER or OTHER (HomeRegion).',
      parse: parseText,
    },
  ],
  uniqueKey: (row) => row.idNumber,
  uniqueField: 'idNumber',
  async writeBatch(ctx, rows) {
    const enrolment = ctx.get(EnrolmentService);
    const groups = new Map<string, number[]>();
    rows.forEach((row, index) => {
      const key = `${row.cohortCode}\u0000${row.enrolledOn}`;
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    const cohorts = new Map(
      (
        await ctx.m.query<{ id: string; code: string }[]>(
          'SELECT id, code FROM cohort WHERE park_id = $1 AND code = ANY($2)',
          [ctx.parkId, [...new Set(rows.map((r) => r.cohortCode))]],
        )
      ).map((c) => [c.code, c.id]),
    );
    const errors: BatchErrors = [];
    let written = 0;
    for (const indexes of groups.values()) {
      const first = rows[indexes[0]];
      const cohortId = cohorts.get(first.cohortCode);
      if (!cohortId) {
        for (const index of indexes)
          errors.push({ index, error: { field: 'cohortCode', message: 'no such cohort in the park' } });
        continue;
      }
      const input = Object.assign(new EnrolTraineesInput(), {
        cohortId,
        enrolledOn: first.enrolledOn,
        trainees: indexes.map((i) => {
          const { cohortCode: _c, enrolledOn: _e, ...person } = rows[i];
          return person;
        }),
      });
      try {
        written += (await inSavepoint(ctx.m, () => enrolment.enrolIn(ctx.m, ctx.actor, input))).enrolled;
      } catch (error) {
        // enrolIn names rows `input.trainees.<i>.<field>`: i is the place in this group.
        const paths = (error as { details?: { fields?: { field: string }[] } }).details?.fields ?? [];
        rowErrorsOf(error, OPTIONS).forEach((e, k) => {
          const i = Number(/trainees\.(\d+)/.exec(paths[k]?.field ?? '')?.[1] ?? 0);
          errors.push({ index: indexes[i] ?? indexes[0], error: e });
        });
      }
    }
    return { written, errors };
  },
});
