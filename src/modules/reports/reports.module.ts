import { Module, OnModuleInit } from '@nestjs/common';
import { findSource, NodeRegistry } from '../../graphql/node/node-registry';
import { OccupancyModule } from '../occupancy/occupancy.module';
import { FiguresResolver } from './figures.resolver';
import { FiguresService } from './figures.service';
import { ImportService } from './import/import.service';
import { PublishedFiguresResolver } from './published-figures.resolver';
import { PublishedFiguresService } from './published-figures.service';

/**
 * Reports over the measure registry (measure-registry.ts): grouped figures and published figures. Domain modules
 * register their measures in their own `*.measures.ts`; nothing here names them.
 */
@Module({
  imports: [OccupancyModule],
  providers: [
    FiguresService,
    FiguresResolver,
    PublishedFiguresService,
    PublishedFiguresResolver,
    ImportService,
  ],
  exports: [FiguresService, ImportService],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly published: PublishedFiguresService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('PublishedFigure', findSource((actor, id) => this.published.get(actor, id)));
  }
}
