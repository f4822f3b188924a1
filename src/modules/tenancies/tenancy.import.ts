import { PickType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { ConflictError } from '../../common/errors/app-error';
import { PG_EXCLUSION_VIOLATION, pgError } from '../../common/errors/pg-errors';
import { defineImport, parseText } from '../reports/import/import-registry';
import { writeEachRow } from '../reports/import/import-writes';
import { LeaseUnitsInput } from './dto/tenancy.inputs';
import { LeaseKeys } from './lease-keys';
import { TenanciesService } from './tenancies.service';

/** A lease row of a spreadsheet: leaseUnits' input (its validation) for one unit, the enterprise by credit code. */
export class TenancyImportRow extends PickType(LeaseUnitsInput, [
  'enterpriseCreditCode',
  'stage',
  'startsOn',
  'note',
] as const) {
  @IsString()
  @MaxLength(64)
  unitCode: string;
}

const COLUMNS = ['unitCode', 'enterpriseCreditCode', 'stage', 'startsOn', 'note'];

/**
 * Spreadsheet import of tenancies (reports/import) under leaseUnits' rules and access rule: each row is leased by
 * TenanciesService.leaseIn in the import's transaction, so a unit that is not leasable, unknown, or already held
 * (also by an earlier row of the same file) is that row's error, naming the holder. The export's column names
 * (unit.code, enterprise.creditCode) are accepted, so an export of `tenancies` imports back.
 */
export const TENANCY_IMPORT = defineImport<TenancyImportRow>({
  entity: 'tenancies',
  operation: 'Mutation.leaseUnits',
  rowClass: TenancyImportRow,
  batchSize: 500,
  columns: [
    {
      field: 'unitCode',
      headers: ['单元编号', 'unitCode', 'unit.code'],
      required: true,
      description: 'Code of the unit let (a bay, workshop…).',
      parse: parseText,
    },
    {
      field: 'enterpriseCreditCode',
      headers: ['统一社会信用代码', 'enterpriseCreditCode', 'enterprise.creditCode'],
      required: true,
      description: "The tenant's unified social credit code, in the park's register.",
      parse: (s) => parseText(s.toUpperCase()),
    },
    {
      field: 'stage',
      headers: ['阶段', 'stage'],
      required: false,
      description: 'RESERVED (default), FITTING_OUT or OPERATING: the stage the tenancy starts in.',
      parse: parseText,
    },
    {
      field: 'startsOn',
      headers: ['起租日期', 'startsOn'],
      required: true,
      description: 'First day the unit is held (YYYY-MM-DD).',
      parse: parseText,
    },
    {
      field: 'note',
      headers: ['备注', 'note'],
      required: false,
      description: 'Note kept in the stage history.',
      parse: parseText,
    },
  ],
  async writeBatch(ctx, rows) {
    const keys = ctx.get(LeaseKeys);
    const tenancies = ctx.get(TenanciesService);
    return writeEachRow(
      ctx,
      rows,
      {
        columns: COLUMNS,
        fallbackField: 'unitCode',
        aliases: { unitCodes: 'unitCode', enterpriseId: 'enterpriseCreditCode' },
        notFound: { Unit: 'unitCode', Enterprise: 'enterpriseCreditCode' },
        translate: (error) =>
          pgError(error).code === PG_EXCLUSION_VIOLATION
            ? new ConflictError('overlaps another tenancy of the unit', { field: 'unitCode' })
            : error,
      },
      async (row) => {
        const input = Object.assign(new LeaseUnitsInput(), {
          parkCode: ctx.parkCode,
          unitCodes: [row.unitCode],
          enterpriseCreditCode: row.enterpriseCreditCode,
          stage: row.stage,
          startsOn: row.startsOn,
          note: row.note,
        });
        await tenancies.leaseIn(ctx.m, ctx.actor, await keys.resolve(ctx.actor, input, ctx.m));
      },
    );
  },
});
