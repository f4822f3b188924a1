import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { UnitListArgs } from './dto/unit-list.args';
import { spaceLoaders } from './space.loaders';
import { Park, Unit, UnitConnection, Zone } from './space.models';
import { SpaceService } from './space.service';
import { actorOf } from '../access/current-actor.decorator';

@Resolver(() => Park)
export class ParkFieldsResolver {
  @ResolveField(() => [Zone], { description: 'Zones of the park, by code.' })
  zones(@Parent() park: Park, @Context() ctx: GraphQLContext): Promise<Zone[]> {
    return spaceLoaders(ctx).zonesOfPark.load(park.id);
  }
}

@Resolver(() => Zone)
export class ZoneFieldsResolver {
  constructor(private readonly space: SpaceService) {}

  @ResolveField(() => Park, { description: 'The park the zone belongs to.' })
  async park(@Parent() zone: Zone, @Context() ctx: GraphQLContext): Promise<Park> {
    return (await spaceLoaders(ctx).park.load(zone.parkId))!;
  }

  @ResolveField(() => UnitConnection, {
    description: 'Units of this zone: filtered, sorted and paged, as of a date.',
  })
  units(
    @Parent() zone: Zone,
    @Args() args: UnitListArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<Connection<Unit>> {
    // Later pages concern one zone at a time; first pages of many zones are batched into one statement.
    if (args.after !== undefined && args.after !== null)
      return this.space.listUnits(actorOf(ctx), args, { zoneId: zone.id });
    return spaceLoaders(ctx).unitsOfZone.load({ group: JSON.stringify(args), id: zone.id });
  }
}

@Resolver(() => Unit)
export class UnitFieldsResolver {
  @ResolveField(() => Zone, { description: 'The zone the unit is in.' })
  async zone(@Parent() unit: Unit, @Context() ctx: GraphQLContext): Promise<Zone> {
    return (await spaceLoaders(ctx).zone.load(unit.zoneId))!;
  }

  @ResolveField(() => Park, { description: 'The park the unit is in.' })
  async park(@Parent() unit: Unit, @Context() ctx: GraphQLContext): Promise<Park> {
    return (await spaceLoaders(ctx).park.load(unit.parkId))!;
  }
}
