import { Module, OnModuleInit } from '@nestjs/common';
import { NodeRegistry, rowsSource } from '../../graphql/node/node-registry';
import { OccupancyModule } from '../occupancy/occupancy.module';
import { FigureSnapshotsService } from './figure-snapshots.service';
import { FiguresResolver } from './figures.resolver';
import { FiguresService } from './figures.service';
import { ImportResolver } from './import/import.resolver';
import { ImportUploads } from './import/import-uploads';
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
    FigureSnapshotsService,
    FiguresResolver,
    PublishedFiguresService,
    PublishedFiguresResolver,
    ImportService,
    ImportResolver,
    ImportUploads,
  ],
  exports: [FiguresService, ImportService, ImportUploads],
})
export class ReportsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly published: PublishedFiguresService,
  ) {}

  onModuleInit(): void {
    this.nodes.register(
      'PublishedFigure',
      rowsSource(
        'PublishedFigure',
        (ids, actor) => this.published.getMany(actor, ids),
        (f) => f,
      ),
    );
  }
}
