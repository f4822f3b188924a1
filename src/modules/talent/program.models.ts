import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { ReadableBy, TALENT_READERS } from '../access/access.decorators';

@ReadableBy(...TALENT_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A training program of a park (digital creative production, stone carving craft…).',
})
export class Program {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;

  @Field({ description: 'Code, unique in the park, e.g. `digital-creative`.' })
  code: string;

  @Field({ description: 'Chinese name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn: string | null;
}

@ReadableBy(...TALENT_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'One intake of a program, trained in a zone of the park.',
})
export class Cohort {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;
  programId: string;
  zoneId: string | null;

  @Field({ description: 'Code, unique in the park.' })
  code: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => DateScalar, { description: 'Intake date.' })
  intakeOn: string;

  @Field(() => Int, { description: 'Planned size.' })
  plannedSize: number;
}
