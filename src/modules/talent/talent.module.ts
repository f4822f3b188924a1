import { registerTalentNodes } from './talent.nodes';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import './trainee.import';
import { LoaderRegistry } from '../../graphql/graphql-context';
import { AchievementsResolver } from './achievements.resolver';
import { AchievementsService } from './achievements.service';
import { EnrolmentService } from './enrolment.service';
import { parsePiiKey, PiiCipher, registerPiiCipher } from './pii/pii-cipher';
import { ProgramsResolver } from './programs.resolver';
import { ProgramsService } from './programs.service';
import {
  CertificationFieldsResolver,
  CohortFieldsResolver,
  ContestEntryFieldsResolver,
  ContestFieldsResolver,
  ProgramFieldsResolver,
  TraineeFieldsResolver,
  TraineeStatusEventFieldsResolver,
} from './talent-fields.resolver';
import { ParkOverviewTalentResolver, TalentFiguresResolver } from './talent-figures.resolver';
import { TalentFiguresService } from './talent-figures.service';
import { createTalentLoaders } from './talent.loaders';
import { TraineeWritesService } from './trainee-writes.service';
import { TraineesResolver } from './trainees.resolver';
import { TraineesService } from './trainees.service';
import './talent.measures';

/**
 * The personal-data cipher from PII_KEY (main.ts generates a development key under DATA_DIR; production refuses to
 * start without one). Without a key (tests) a random one serves this process. Registered by DataSource so that the
 * demo seed encrypts with it.
 */
function piiCipher(config: AppConfig, db: DataSource): PiiCipher {
  const cipher = config.PII_KEY ? new PiiCipher(parsePiiKey(config.PII_KEY)) : PiiCipher.ephemeral();
  if (!config.PII_KEY && config.NODE_ENV !== 'test')
    new Logger('TalentModule').warn(
      'PII_KEY is not set: ID numbers stored now are readable by this process only',
    );
  registerPiiCipher(db, cipher);
  return cipher;
}

/** The talent pipeline: programs, cohorts, trainees and their status, certificates, contests, targets, figures. */
@Module({
  providers: [
    { provide: PiiCipher, useFactory: piiCipher, inject: [AppConfig, getDataSourceToken()] },
    TraineesService,
    TraineeWritesService,
    EnrolmentService,
    ProgramsService,
    AchievementsService,
    TalentFiguresService,
    TraineesResolver,
    ProgramsResolver,
    AchievementsResolver,
    TalentFiguresResolver,
    ParkOverviewTalentResolver,
    TraineeFieldsResolver,
    TraineeStatusEventFieldsResolver,
    ProgramFieldsResolver,
    CohortFieldsResolver,
    CertificationFieldsResolver,
    ContestFieldsResolver,
    ContestEntryFieldsResolver,
  ],
})
export class TalentModule implements OnModuleInit {
  constructor(
    private readonly registry: LoaderRegistry,
    private readonly nodes: NodeRegistry,
    @InjectDataSource() private readonly db: DataSource,
    private readonly trainees: TraineesService,
    private readonly programs: ProgramsService,
    private readonly achievements: AchievementsService,
    private readonly figures: TalentFiguresService,
  ) {}

  onModuleInit(): void {
    this.registry.register('talent', () =>
      createTalentLoaders(this.trainees, this.programs, this.achievements, this.figures),
    );
    registerTalentNodes(this.nodes, this.db, this.programs, this.figures);
  }
}
