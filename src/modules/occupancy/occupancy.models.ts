import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { PARK_READERS, PartOfParent, ReadableBy } from '../access/access.decorators';

export enum OccupancyBasis {
  UNIT_COUNT = 'UNIT_COUNT',
  AREA = 'AREA',
}

registerEnumType(OccupancyBasis, {
  name: 'OccupancyBasis',
  description: 'What an occupancy rate counts.',
  valuesMap: {
    UNIT_COUNT: { description: 'Occupied leasable units / leasable units.' },
    AREA: { description: 'Floor area of occupied leasable units / floor area of leasable units (m²).' },
  },
});

@PartOfParent()
@ObjectType({
  description: 'An occupancy rate with what it was computed from, so a report can quote it honestly.',
})
export class Occupancy {
  @Field(() => OccupancyBasis, { description: 'What is counted.' })
  basis: OccupancyBasis;

  @Field(() => Float, { description: 'Occupied units, or occupied m².' })
  numerator: number;

  @Field(() => Float, { description: 'Leasable units, or leasable m².' })
  denominator: number;

  @Field(() => Float, { description: 'numerator / denominator (0 when there is nothing leasable).' })
  rate: number;

  @Field({ description: 'The rate in percent rounded half-up to one decimal, e.g. "76.3".' })
  percent: string;

  @Field({ description: 'The definition in words, for footnotes.' })
  definition: string;
}

@ReadableBy(...PARK_READERS)
@ObjectType({
  description: 'Occupancy figures of a park or zone on one date, computed from the stored tenancies.',
})
export class ParkOverview {
  parkId: string;
  zoneId: string | null;
  /** Leasable floor area and occupied floor area (m²), for occupancyByArea. */
  totalArea: number;
  occupiedArea: number;

  @Field(() => DateScalar, { description: 'The date the figures describe.' })
  asOf: string;

  @Field(() => Int, { description: 'Leasable units in scope.' })
  totalUnits: number;

  @Field(() => Int, { description: 'Units in FITTING_OUT or OPERATING on asOf.' })
  occupiedUnits: number;

  @Field(() => Int, { description: 'Distinct enterprises holding those occupied units.' })
  occupiedEnterprises: number;

  @Field(() => Int, { description: 'Units OPERATING on asOf.' })
  operatingUnits: number;

  @Field(() => Int, { description: 'Distinct enterprises holding OPERATING units.' })
  operatingEnterprises: number;

  @Field(() => Int, { description: 'Units RESERVED on asOf (held, not occupied).' })
  reservedUnits: number;

  @Field(() => Int, { description: 'Leasable units held by no tenancy on asOf.' })
  vacantUnits: number;
}

@ReadableBy(...PARK_READERS)
@ObjectType({ description: 'Occupancy at one month end.' })
export class OccupancyPoint {
  @Field(() => DateScalar, {
    description: 'The month-end date (or the `to` date for the last, partial month).',
  })
  date: string;

  @Field(() => Occupancy, { description: 'Occupancy on that date on the requested basis.' })
  occupancy: Occupancy;

  @Field(() => Int, { description: 'Units in FITTING_OUT or OPERATING on that date.' })
  occupiedUnits: number;

  @Field(() => Int, { description: 'Units OPERATING on that date.' })
  operatingUnits: number;
}
