import { OmitType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { UserInputError } from '../../common/errors/app-error';
import { IsCalendarDate } from '../../common/validators';
import { defineImport, parseNumber, parseText } from '../reports/import/import-registry';
import { writeEachRow } from '../reports/import/import-writes';
import { InstallMachineInput, RegisterMachineInput } from './dto/machine.inputs';
import { MachineRegistryService } from './machine-registry.service';

/**
 * A machine row of a spreadsheet: registerMachine's input (its validation), the owner by credit code, and optionally
 * the bay it stands in from a date (installMachine's rules: the owner must hold the unit then).
 */
export class MachineImportRow extends OmitType(RegisterMachineInput, [
  'parkCode',
  'ownerEnterpriseId',
] as const) {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  unitCode?: string;

  @IsOptional()
  @IsCalendarDate()
  installedOn?: string;
}

const COLUMNS = [
  'serialNumber',
  'ownerCreditCode',
  'type',
  'manufacturer',
  'model',
  'axes',
  'spindlePowerKw',
  'commissionedYear',
  'unitCode',
  'installedOn',
];

/**
 * Spreadsheet import of machines (reports/import) under registerMachine's rules and access rule, through
 * MachineRegistryService.registerIn and installIn in the import's transaction. Export names (owner.creditCode,
 * unit.code) are accepted.
 */
export const MACHINE_IMPORT = defineImport<MachineImportRow>({
  entity: 'machines',
  operation: 'Mutation.registerMachine',
  rowClass: MachineImportRow,
  batchSize: 500,
  columns: [
    {
      field: 'serialNumber',
      headers: ['出厂编号', 'serialNumber'],
      required: true,
      description: 'Serial number, unique: 2–64 letters, digits, ".", "_", "/" or "-".',
      parse: parseText,
    },
    {
      field: 'ownerCreditCode',
      headers: ['所属企业信用代码', 'ownerCreditCode', 'owner.creditCode'],
      required: true,
      description: "The owner's unified social credit code, in the park's register.",
      parse: (s) => parseText(s.toUpperCase()),
    },
    {
      field: 'type',
      headers: ['设备类型', 'type'],
      required: true,
      description: 'CNC_ROUTER, BRIDGE_SAW, FIVE_AXIS_CARVER, … (MachineType).',
      parse: parseText,
    },
    {
      field: 'manufacturer',
      headers: ['制造商', 'manufacturer'],
      required: true,
      description: 'Manufacturer.',
      parse: parseText,
    },
    { field: 'model', headers: ['型号', 'model'], required: true, description: 'Model.', parse: parseText },
    {
      field: 'axes',
      headers: ['轴数', 'axes'],
      required: false,
      description: 'Controlled axes (1–9).',
      parse: parseNumber,
    },
    {
      field: 'spindlePowerKw',
      headers: ['主轴功率', 'spindlePowerKw'],
      required: false,
      description: 'Spindle power in kW.',
      parse: parseNumber,
    },
    {
      field: 'commissionedYear',
      headers: ['投产年份', 'commissionedYear'],
      required: false,
      description: 'Year first put to work.',
      parse: parseNumber,
    },
    {
      field: 'unitCode',
      headers: ['所在单元', 'unitCode', 'unit.code'],
      required: false,
      description: 'The unit (bay) it stands in; its owner must hold it on installedOn.',
      parse: parseText,
    },
    {
      field: 'installedOn',
      headers: ['安装日期', 'installedOn'],
      required: false,
      description: 'First day in the unit (YYYY-MM-DD); required with unitCode.',
      parse: parseText,
    },
  ],
  uniqueKey: (row) => row.serialNumber,
  uniqueField: 'serialNumber',
  async writeBatch(ctx, rows) {
    const registry = ctx.get(MachineRegistryService);
    return writeEachRow(
      ctx,
      rows,
      {
        columns: COLUMNS,
        fallbackField: 'serialNumber',
        aliases: { ownerEnterpriseId: 'ownerCreditCode', on: 'installedOn' },
        notFound: { Enterprise: 'ownerCreditCode', Unit: 'unitCode' },
        translate: (error) => registry.placementError(error),
      },
      async (row) => {
        const { unitCode, installedOn, ...machine } = row;
        const input = Object.assign(new RegisterMachineInput(), { ...machine, parkCode: ctx.parkCode });
        try {
          await registry.registerIn(ctx.m, ctx.actor, input);
        } catch (error) {
          throw registry.registerError(error, input);
        }
        if (!unitCode && !installedOn) return;
        if (!unitCode || !installedOn)
          throw UserInputError.field(
            unitCode ? 'installedOn' : 'unitCode',
            'give unitCode and installedOn together',
          );
        await registry.installIn(
          ctx.m,
          ctx.actor,
          Object.assign(new InstallMachineInput(), {
            serialNumber: row.serialNumber,
            unitCode,
            on: installedOn,
          }),
        );
      },
    );
  },
});
