import DataLoader from 'dataloader';
import { Connection } from '../../common/pagination/connection';
import { GraphQLContext } from '../../graphql/graphql-context';
import { groupedLoader } from '../../graphql/grouped-loader';
import { NodeRegistry, parkScoped } from '../../graphql/node/node-registry';
import { UnitListArgs } from './dto/unit-list.args';
import { Park, Unit, Zone } from './space.models';
import { SpaceService } from './space.service';

export function createSpaceLoaders(space: SpaceService) {
  return {
    park: new DataLoader<string, Park | null>((ids) => space.parksByIds(ids)),
    zone: new DataLoader<string, Zone | null>((ids) => space.zonesByIds(ids)),
    unit: new DataLoader<string, Unit | null>((ids) => space.unitsByIds(ids)),
    zonesOfPark: new DataLoader<string, Zone[]>((ids) => space.zonesByParkIds(ids)),
    /** First page of Zone.units for many zones; the group is the serialised list arguments. */
    unitsOfZone: groupedLoader<Connection<Unit>>((zoneIds, group) =>
      space.firstUnitsOfZones(zoneIds, JSON.parse(group) as UnitListArgs),
    ),
  };
}

export type SpaceLoaders = ReturnType<typeof createSpaceLoaders>;

export const spaceLoaders = (ctx: GraphQLContext): SpaceLoaders => ctx.loaders.space as SpaceLoaders;

/** Park, Zone and Unit for `node(id:)`: through this request's loaders, scoped by park. */
export function registerSpaceNodes(nodes: NodeRegistry): void {
  nodes.register(
    'Park',
    parkScoped(
      (id, ctx) => spaceLoaders(ctx).park.load(id),
      (park) => park.id,
    ),
  );
  nodes.register(
    'Zone',
    parkScoped(
      (id, ctx) => spaceLoaders(ctx).zone.load(id),
      (zone) => zone.parkId,
    ),
  );
  nodes.register(
    'Unit',
    parkScoped(
      (id, ctx) => spaceLoaders(ctx).unit.load(id),
      (unit) => unit.parkId,
    ),
  );
}
