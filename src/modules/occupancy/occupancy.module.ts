import { Module } from '@nestjs/common';
import { OccupancyResolver } from './occupancy.resolver';
import { OccupancyService } from './occupancy.service';

/** Park figures: overview and trend. Later modules add ParkOverview fields through their own field resolvers. */
@Module({ providers: [OccupancyService, OccupancyResolver], exports: [OccupancyService] })
export class OccupancyModule {}
