import { Node } from '../../graphql/node/node.model';
import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { ADMINS, PARK_READERS, PartOfParent, ReadableBy } from '../access/access.decorators';
import { MeasureValue } from './figures.models';
import { Measure } from './measure-registry';

@ReadableBy(...PARK_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A figure as it was published, with what it was computed from.',
})
export class PublishedFigure {
  @Field(() => ID, { description: 'Id.' })
  id: string;

  @Field(() => Measure, { description: 'The measure.' })
  measure: string;

  @Field({ description: 'Park code of the scope.' })
  parkCode: string;

  @Field(() => String, { nullable: true, description: 'Zone code of the scope (null: the whole park).' })
  zoneCode: string | null;

  @Field(() => DateScalar, { description: 'The date the figure describes.' })
  asOf: string;

  @Field({ description: 'Where it was published, e.g. "2024 annual report, table 2".' })
  label: string;

  @Field(() => String, { nullable: true, description: 'Note of the approver.' })
  note: string | null;

  @Field(() => Float, { description: 'The value as published.' })
  value: number;

  @Field({ description: 'The definition (description and SQL) the value was computed with.' })
  definition: string;

  @Field(() => [MeasureValue], {
    description:
      'Every measure of the same source, scope and date when published (numerators, denominators, counts).',
  })
  inputs: MeasureValue[];

  @Field({ description: 'Who approved the publication.' })
  publishedBy: string;

  @Field({ description: 'When it was published.' })
  publishedAt: Date;
}

export const PublishedFigureConnection = ConnectionType(PublishedFigure, 'PublishedFigure');

@PartOfParent()
@ObjectType({
  description: 'A change recorded in the audit log after publication that can explain a difference.',
})
export class FigureCorrection {
  @Field(() => ID, { description: 'Audit log entry id (see auditLog).' })
  auditEntryId: string;

  @Field({ description: 'When the change was made.' })
  occurredAt: Date;

  @Field({ description: 'The mutation that made it.' })
  operation: string;

  @Field({ description: 'What was changed, e.g. Tenancy.' })
  entityType: string;

  @Field(() => ID, { description: 'Global id of what was changed (what its own `id` answers).' })
  entityId: string;

  @Field(() => [String], { description: 'The fields changed (API names).' })
  fields: string[];
}

@ReadableBy(...ADMINS)
@ObjectType({
  description: 'A published figure recomputed now from the stored data, with any difference explained.',
})
export class FigureVerification {
  @Field(() => PublishedFigure, { description: 'The figure as published.' })
  figure: PublishedFigure;

  @Field(() => Float, { description: 'The value computed now with the same definition, scope and date.' })
  currentValue: number;

  @Field(() => Float, { description: 'currentValue − published value (0 when unchanged).' })
  difference: number;

  @Field({ description: 'True when the value computed now equals the published one.' })
  matches: boolean;

  @Field(() => [MeasureValue], { description: 'The inputs computed now, to compare with figure.inputs.' })
  currentInputs: MeasureValue[];

  @Field(() => Boolean, {
    description: "True when the measure's definition in code differs from the one stored at publication.",
  })
  definitionChanged: boolean;

  @Field(() => [FigureCorrection], {
    description:
      'Changes made after publication to data of the figure (its park, the entity types its source reads) that concern dates on or before asOf, or no date at all (e.g. a floor area): the likely reasons of a difference. At most 100, oldest first.',
  })
  corrections: FigureCorrection[];
}
