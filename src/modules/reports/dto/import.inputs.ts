import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType({ description: 'Import a file uploaded by POST /import/uploads into a park.' })
export class ImportSpreadsheetInput {
  @Field({
    description:
      'What the file holds: units, enterprises, tenancies, machines, trainees or institutions. The access rule of the mutation it stands for applies (e.g. createUnits).',
  })
  @IsString()
  @MaxLength(32)
  entity: string;

  @Field({ description: 'The park the rows belong to.' })
  @IsString()
  @MaxLength(64)
  parkCode: string;

  // A String, not an ID: an upload is no object of the API (no Node, no global id).
  @Field({
    description: 'The upload id answered by POST /import/uploads (used once, kept an hour).',
  })
  @IsUUID()
  uploadId: string;

  @Field({ description: 'Only check the rows and report errors; write nothing.' })
  @IsBoolean()
  dryRun: boolean;
}
