import { Module } from '@nestjs/common';
import { OccupancyModule } from '../occupancy/occupancy.module';
import { FigureSnapshotsService } from './figure-snapshots.service';
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
    FigureSnapshotsService,
    FiguresResolver,
    PublishedFiguresService,
    PublishedFiguresResolver,
    ImportService,
  ],
  exports: [FiguresService, ImportService],
})
export class ReportsModule {}
