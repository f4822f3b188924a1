import { Module, OnModuleInit } from '@nestjs/common';
import { LoaderRegistry } from '../../graphql/graphql-context';
import { ParkFieldsResolver, UnitFieldsResolver, ZoneFieldsResolver } from './space-fields.resolver';
import { createSpaceLoaders, registerSpaceNodes } from './space.loaders';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { SpaceResolver } from './space.resolver';
import { SpaceService } from './space.service';
// Registers the spreadsheet import of units (reports/import).
import './unit.import';

/** Parks, zones and units. */
@Module({
  providers: [SpaceService, SpaceResolver, ParkFieldsResolver, ZoneFieldsResolver, UnitFieldsResolver],
  exports: [SpaceService],
})
export class SpaceModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly space: SpaceService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('space', () => createSpaceLoaders(this.space));
    registerSpaceNodes(this.nodes);
  }
}
