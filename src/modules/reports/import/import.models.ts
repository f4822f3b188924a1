import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LEASING_WRITERS, PartOfParent, ReadableBy, TALENT_WRITERS } from '../../access/access.decorators';

@PartOfParent()
@ObjectType({ description: 'A problem with one row of an imported file.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Row number in the file (the header is row 1).' })
  row: number;

  @Field({ description: 'The column, by the header the file gave it ("file" for the file as a whole).' })
  column: string;

  @Field({ description: 'What is wrong, under the rules of the mutation the import stands for.' })
  message: string;
}

@ReadableBy(...new Set([...LEASING_WRITERS, ...TALENT_WRITERS]))
@ObjectType({ description: 'The outcome of a spreadsheet import: all rows written, or none.' })
export class SpreadsheetImport {
  @Field({
    description: 'What was imported: units, enterprises, tenancies, machines, trainees or institutions.',
  })
  entity: string;

  @Field({ description: 'True when the file was only checked (nothing is written on a dry run).' })
  dryRun: boolean;

  @Field(() => Int, { description: 'Data rows read (blank rows skipped).' })
  rows: number;

  @Field(() => Int, {
    description:
      'Rows written: 0 on a dry run, when any row has an error, and when the file was imported before.',
  })
  written: number;

  @Field({ description: "SHA-256 of the file's bytes (hex): the key of its audit entry." })
  sha256: string;

  @Field({ description: 'The same file was imported into this park before: nothing was written again.' })
  alreadyImported: boolean;

  @Field(() => [ImportRowError], { description: 'Row errors (at most 1,000), in the order they were found.' })
  errors: ImportRowError[];
}
