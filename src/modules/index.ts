import type { Type } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { ContractsModule } from './contracts/contracts.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { MachinesModule } from './machines/machines.module';
import { PartnersModule } from './partners/partners.module';
import { RecruitmentModule } from './recruitment/recruitment.module';
import { OccupancyModule } from './occupancy/occupancy.module';
import { ReportsModule } from './reports/reports.module';
import { SpaceModule } from './space/space.module';
import { TalentModule } from './talent/talent.module';
import { TenanciesModule } from './tenancies/tenancies.module';

/** The domain modules, one folder each. */
export const DOMAIN_MODULES: Type[] = [
  AccessModule,
  SpaceModule,
  EnterprisesModule,
  TenanciesModule,
  OccupancyModule,
  MachinesModule,
  PartnersModule,
  RecruitmentModule,
  TalentModule,
  ContractsModule,
  // Last: it reads the measures every module above registered.
  ReportsModule,
];
