import { percentHalfUp, rate } from '../../common/percent';
import { Occupancy, OccupancyBasis } from './occupancy.models';

const DEFINITIONS: Record<OccupancyBasis, string> = {
  [OccupancyBasis.UNIT_COUNT]:
    'Leasable units held by a tenancy in the fitting-out or operating stage on the date, divided by all leasable units in scope. Reserved units are not occupied.',
  [OccupancyBasis.AREA]:
    'Floor area (m²) of leasable units held by a tenancy in the fitting-out or operating stage on the date, divided by the floor area of all leasable units in scope. Reserved units are not occupied.',
};

/** Builds an Occupancy from its two figures. */
export function occupancy(basis: OccupancyBasis, numerator: number, denominator: number): Occupancy {
  return {
    basis,
    numerator,
    denominator,
    rate: rate(numerator, denominator),
    percent: percentHalfUp(numerator, denominator, 1),
    definition: DEFINITIONS[basis],
  };
}
