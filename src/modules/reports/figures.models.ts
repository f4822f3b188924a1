import { Field, Float, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { PARK_READERS, PartOfParent, ReadableBy } from '../access/access.decorators';
import { Industry, Province } from '../enterprises/enterprise.enums';
import { Measure } from './measure-registry';

@PartOfParent()
@ObjectType({ description: 'The value of one measure in a figures row.' })
export class MeasureValue {
  @Field(() => Measure, { description: 'The measure.' })
  measure: string;

  @Field(() => Float, {
    description: 'Its value (counts are whole numbers; rates are fractions, 0.763 = 76.3%).',
  })
  value: number;
}

@ReadableBy(...PARK_READERS)
@ObjectType({
  description:
    'One row of `figures`: the values of the requested dimensions (null when not grouped by it) and of the measures.',
})
export class FigureRow {
  @Field(() => DateScalar, {
    description: 'The date the values describe (asOf, or a month end when grouped by MONTH).',
  })
  date: string;

  @Field(() => String, { nullable: true, description: 'Zone code, when grouped by ZONE.' })
  zoneCode: string | null;

  @Field(() => Industry, {
    nullable: true,
    description: 'Industry, when grouped by INDUSTRY (null also for vacant units).',
  })
  industry: Industry | null;

  @Field(() => Province, {
    nullable: true,
    description: 'Origin province, when grouped by ORIGIN_PROVINCE (null also for vacant units).',
  })
  originProvince: Province | null;

  @Field(() => [MeasureValue], { description: 'The requested measures, in the order asked.' })
  values: MeasureValue[];

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      'When the row was read from a stored month-end snapshot (a closed month grouped by MONTH): when that snapshot was computed. Null when computed for this request.',
  })
  computedAt: Date | null;
}
