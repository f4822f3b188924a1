import type { Type } from '@nestjs/common';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { OccupancyModule } from './occupancy/occupancy.module';
import { SpaceModule } from './space/space.module';
import { TenanciesModule } from './tenancies/tenancies.module';

/** The domain modules, one folder each. */
export const DOMAIN_MODULES: Type[] = [SpaceModule, EnterprisesModule, TenanciesModule, OccupancyModule];
