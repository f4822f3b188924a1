import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CreateParkInput,
  CreateUnitsInput,
  CreateZoneInput,
  UpdateUnitInput,
  UpdateZoneInput,
} from './dto/space.inputs';
import { UnitListArgs } from './dto/unit-list.args';
import { Park, Unit, UnitConnection, Zone } from './space.models';
import { SpaceService } from './space.service';
import type { Connection } from '../../common/pagination/connection';

@Resolver()
export class SpaceResolver {
  constructor(private readonly space: SpaceService) {}

  @Query(() => [Park], { description: 'All parks, by code.' })
  parks(): Promise<Park[]> {
    return this.space.listParks();
  }

  @Query(() => Park, { nullable: true, description: 'One park by its code; null when there is none.' })
  park(
    @Args('code', { description: 'Park code, e.g. "dazu-carving-park".' }) code: string,
  ): Promise<Park | null> {
    return this.space.findPark(code);
  }

  @Query(() => UnitConnection, {
    description: 'Units across parks: filtered, sorted and paged, as of a date.',
  })
  units(@Args() args: UnitListArgs): Promise<Connection<Unit>> {
    return this.space.listUnits(args);
  }

  @Mutation(() => Park, { description: 'Create a park.' })
  createPark(@Args('input') input: CreateParkInput): Promise<Park> {
    return this.space.createPark(input);
  }

  @Mutation(() => Zone, { description: 'Create a zone in a park.' })
  createZone(@Args('input') input: CreateZoneInput): Promise<Zone> {
    return this.space.createZone(input);
  }

  @Mutation(() => Zone, { description: 'Change a zone (optimistic concurrency on version).' })
  updateZone(@Args('input') input: UpdateZoneInput): Promise<Zone> {
    return this.space.updateZone(input);
  }

  @Mutation(() => [Unit], { description: 'Create one or many units in a zone; all or none.' })
  createUnits(@Args('input') input: CreateUnitsInput): Promise<Unit[]> {
    return this.space.createUnits(input);
  }

  @Mutation(() => Unit, { description: 'Change a unit (optimistic concurrency on version).' })
  updateUnit(@Args('input') input: UpdateUnitInput): Promise<Unit> {
    return this.space.updateUnit(input);
  }
}
