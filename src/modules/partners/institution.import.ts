import { OmitType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UserInputError } from '../../common/errors/app-error';
import { defineImport, parseText } from '../reports/import/import-registry';
import { writeEachRow } from '../reports/import/import-writes';
import { CreateInstitutionInput, PHONE, PHONE_MESSAGE } from './dto/institution.inputs';
import { InstitutionsService } from './institutions.service';

/**
 * An institution row of a spreadsheet: createInstitution's input (its validation) with one contact person in flat
 * columns, under InstitutionContactInput's rules.
 */
export class InstitutionImportRow extends OmitType(CreateInstitutionInput, [
  'parkCode',
  'contacts',
] as const) {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  contactName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactTitle?: string;

  @IsOptional()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  contactPhone?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string;
}

const text = (field: string, headers: string[], description: string, required = false) => ({
  field,
  headers,
  required,
  description,
  parse: parseText,
});

/**
 * Spreadsheet import of partner institutions (reports/import) under createInstitution's rules and access rule,
 * through InstitutionsService.createIn in the import's transaction (a name taken in the park is the row's error).
 */
export const INSTITUTION_IMPORT = defineImport<InstitutionImportRow>({
  entity: 'institutions',
  operation: 'Mutation.createInstitution',
  rowClass: InstitutionImportRow,
  batchSize: 500,
  columns: [
    text('name', ['机构名称', 'name'], 'Chinese name, unique in the park.', true),
    text('nameEn', ['英文名称', 'nameEn'], 'English name.'),
    text('kind', ['机构类型', 'kind'], 'UNIVERSITY, VOCATIONAL_COLLEGE, … (InstitutionKind).', true),
    text('region', ['所在地', 'region'], 'Where it is (e.g. 重庆市涪陵区).'),
    text('contactName', ['联系人', 'contactName'], 'Contact person (optional).'),
    text('contactTitle', ['职务', 'contactTitle'], "The contact's title or office."),
    text('contactPhone', ['联系电话', 'contactPhone'], "The contact's phone."),
    text('contactEmail', ['电子邮箱', 'contactEmail'], "The contact's e-mail address."),
  ],
  uniqueKey: (row) => row.name,
  uniqueField: 'name',
  async writeBatch(ctx, rows) {
    const institutions = ctx.get(InstitutionsService);
    return writeEachRow(
      ctx,
      rows,
      { columns: ['name', 'nameEn', 'kind', 'region', 'contactName'], fallbackField: 'name' },
      async (row) => {
        const { contactName, contactTitle, contactPhone, contactEmail, ...institution } = row;
        if (!contactName && (contactTitle || contactPhone || contactEmail))
          throw UserInputError.field('contactName', 'is required with the other contact columns');
        const input = Object.assign(new CreateInstitutionInput(), {
          ...institution,
          parkCode: ctx.parkCode,
          contacts: contactName
            ? [{ name: contactName, title: contactTitle, phone: contactPhone, email: contactEmail }]
            : [],
        });
        try {
          await institutions.createIn(ctx.m, ctx.actor, input);
        } catch (error) {
          throw institutions.translate(error, input.name);
        }
      },
    );
  },
});
