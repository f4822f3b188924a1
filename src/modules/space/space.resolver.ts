import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../../graphql/look-ahead';
import { jsonSelection } from '../../graphql/json-projection';
import { UNIT_JSON } from './unit.json-sql';
import { withAhead } from '../../graphql/resolved-ahead';
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
import { ADMINS, Allow, LEASING_WRITERS, PARK_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import type { Connection } from '../../common/pagination/connection';

@Resolver()
export class SpaceResolver {
  constructor(private readonly space: SpaceService) {}

  @Query(() => [Park], { description: 'The parks you may see, by code.' })
  @Allow(...PARK_READERS)
  parks(@CurrentActor() actor: Actor): Promise<Park[]> {
    return this.space.listParks(actor);
  }

  @Query(() => Park, {
    nullable: true,
    description: 'One park by its code; null when there is none or it is outside your scope.',
  })
  @Allow(...PARK_READERS)
  park(
    @CurrentActor() actor: Actor,
    @Args('code', { description: 'Park code, e.g. "dazu-carving-park".' }) code: string,
  ): Promise<Park | null> {
    return this.space.findPark(actor, code);
  }

  @Query(() => Unit, {
    nullable: true,
    description: 'One unit by its park and code; null when there is none or its park is outside your scope.',
  })
  @Allow(...PARK_READERS)
  async unit(
    @CurrentActor() actor: Actor,
    @Args('parkCode', { description: 'Park code, e.g. "dazu-carving-park".' }) parkCode: string,
    @Args('code', { description: 'Unit code within the park, e.g. "W-1-001".' }) code: string,
  ): Promise<Unit | null> {
    const found = await this.space.findUnit(actor, parkCode, code);
    // Read in the same statement: zone { … } and park { … } are answered from it, without their resolvers.
    return found && withAhead(found.unit, { zone: found.zone, park: found.park });
  }

  @Query(() => UnitConnection, {
    description: 'Units across parks: filtered, sorted and paged, as of a date.',
  })
  @Allow(...PARK_READERS)
  units(
    @CurrentActor() actor: Actor,
    @Args() args: UnitListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Unit>> {
    return this.space.listUnits(
      actor,
      args,
      {},
      {
        // The whole node selection built by PostgreSQL when every field of it can be (json-projection.ts).
        nodes: jsonSelection(info, ['edges', 'node'], UNIT_JSON),
        tenancies: selects(info, ['edges', 'node', 'tenancies']),
        enterprises: selects(info, ['edges', 'node', 'tenancies', 'enterprise']),
      },
    );
  }

  @Mutation(() => Park, { description: 'Create a park.' })
  @Allow(...ADMINS)
  createPark(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: CreateParkInput,
  ): Promise<Park> {
    return this.space.createPark(actor, input);
  }

  @Mutation(() => Zone, { description: 'Create a zone in a park.' })
  @Allow(...LEASING_WRITERS)
  createZone(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: CreateZoneInput,
  ): Promise<Zone> {
    return this.space.createZone(actor, input);
  }

  @Mutation(() => Zone, { description: 'Change a zone (optimistic concurrency on version).' })
  @Allow(...LEASING_WRITERS)
  updateZone(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: UpdateZoneInput,
  ): Promise<Zone> {
    return this.space.updateZone(actor, input);
  }

  @Mutation(() => [Unit], { description: 'Create one or many units in a zone; all or none.' })
  @Allow(...LEASING_WRITERS)
  createUnits(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: CreateUnitsInput,
  ): Promise<Unit[]> {
    return this.space.createUnits(actor, input);
  }

  @Mutation(() => Unit, { description: 'Change a unit (optimistic concurrency on version).' })
  @Allow(...LEASING_WRITERS)
  updateUnit(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'What to do; every field is described on the input type.' })
    input: UpdateUnitInput,
  ): Promise<Unit> {
    return this.space.updateUnit(actor, input);
  }
}
