import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../modules/access/access.decorators';

@Public()
@ObjectType({ description: 'Whether the API and its database answer.' })
export class HealthStatus {
  @Field({ description: 'Always "ok" when this answers.' })
  status: string;

  @Field({ description: 'The database server time, proving a round trip to PostgreSQL.' })
  databaseTime: Date;
}

@Resolver(() => HealthStatus)
export class HealthResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Query(() => HealthStatus, {
    description: 'A public liveness probe over GraphQL (also GET /health/ready).',
  })
  async health(): Promise<HealthStatus> {
    const [row] = await this.dataSource.query<{ now: Date }[]>('SELECT now() AS now');
    return { status: 'ok', databaseTime: row.now };
  }
}
