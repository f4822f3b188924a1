import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, LEASING_WRITERS, TALENT_WRITERS } from '../../access/access.decorators';
import { CurrentActor } from '../../access/current-actor.decorator';
import type { Actor } from '../../access/principal';
import { ImportSpreadsheetInput } from '../dto/import.inputs';
import { SpreadsheetImport } from './import.models';
import { ImportService } from './import.service';

@Resolver(() => SpreadsheetImport)
export class ImportResolver {
  constructor(private readonly service: ImportService) {}

  @Mutation(() => SpreadsheetImport, {
    description:
      'Imports a CSV/XLSX file uploaded by POST /import/uploads (step two of a GraphQL import): every row checked by the rules of the mutation the entity stands for, then all written or none. Row errors are in the answer.',
  })
  @Allow(...new Set([...LEASING_WRITERS, ...TALENT_WRITERS]))
  importSpreadsheet(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Which upload, into which park, as what.' }) input: ImportSpreadsheetInput,
  ): Promise<SpreadsheetImport> {
    return this.service.runUpload(actor, input);
  }
}
