import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { occupancy } from './occupancy';
import { Occupancy, OccupancyBasis, OccupancyPoint, ParkOverview } from './occupancy.models';
import { OccupancyService } from './occupancy.service';
import { Allow, PARK_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';

@Resolver(() => ParkOverview)
export class OccupancyResolver {
  constructor(private readonly service: OccupancyService) {}

  @Query(() => ParkOverview, { description: 'Occupancy figures of a park, or of one zone, on a date.' })
  @Allow(...PARK_READERS)
  parkOverview(
    @CurrentActor() actor: Actor,
    @Args('parkCode', { description: 'Park code.' }) parkCode: string,
    @Args('zoneCode', { nullable: true, type: () => String, description: 'Limit to this zone.' })
    zoneCode?: string,
    @Args('asOf', { nullable: true, type: () => DateScalar, description: 'Date (default: today).' })
    asOf?: string,
  ): Promise<ParkOverview> {
    return this.service.overview(actor, parkCode, zoneCode, asOf);
  }

  @Query(() => [OccupancyPoint], { description: 'Occupancy at each month end between two dates.' })
  @Allow(...PARK_READERS)
  occupancyTrend(
    @CurrentActor() actor: Actor,
    @Args('parkCode', { description: 'Park code.' }) parkCode: string,
    @Args('from', { type: () => DateScalar, description: 'First month (its end is the first point).' })
    from: string,
    @Args('to', { type: () => DateScalar, description: 'Last date.' }) to: string,
    @Args('zoneCode', { nullable: true, type: () => String, description: 'Limit to this zone.' })
    zoneCode?: string,
    @Args('basis', {
      type: () => OccupancyBasis,
      defaultValue: OccupancyBasis.UNIT_COUNT,
      description: 'What to count.',
    })
    basis?: OccupancyBasis,
  ): Promise<OccupancyPoint[]> {
    return this.service.trend(actor, parkCode, zoneCode, from, to, basis ?? OccupancyBasis.UNIT_COUNT);
  }

  @ResolveField(() => Occupancy, { description: 'Occupancy by unit count.' })
  occupancy(@Parent() o: ParkOverview): Occupancy {
    return occupancy(OccupancyBasis.UNIT_COUNT, o.occupiedUnits, o.totalUnits);
  }

  @ResolveField(() => Occupancy, { description: 'Occupancy by floor area.' })
  occupancyByArea(@Parent() o: ParkOverview): Occupancy {
    return occupancy(OccupancyBasis.AREA, o.occupiedArea, o.totalArea);
  }
}
