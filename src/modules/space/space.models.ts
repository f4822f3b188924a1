import { Node } from '../../graphql/node/node.model';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { PARK_READERS, ReadableBy } from '../access/access.decorators';
import { UnitKind, ZoneKind } from './space.enums';

@ReadableBy(...PARK_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'An industrial park run by one management committee, e.g. `dazu-carving-park`.',
})
export class Park {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  @Field({ description: 'Short unique code used in URLs and queries, e.g. "dazu-carving-park".' })
  code: string;

  @Field({ description: 'Chinese name, e.g. 大足石刻文创园.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn: string | null;

  @Field(() => Int, {
    description: 'Edit version; pass it back to update mutations (optimistic concurrency).',
  })
  version: number;
}

@ReadableBy(...PARK_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A zone of a park (a market, an industrial park, a base).',
})
export class Zone {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;

  @Field({ description: 'Code unique within the park, e.g. "shifosi-west".' })
  code: string;

  @Field({ description: 'Chinese name, e.g. 西部石佛寺产业园.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn: string | null;

  @Field(() => ZoneKind, { description: 'What the zone is for.' })
  kind: ZoneKind;

  @Field(() => Int, { description: 'Edit version; pass it back to update mutations.' })
  version: number;
}

@ReadableBy(...PARK_READERS)
@ObjectType({
  implements: () => [Node],
  description: 'A lettable unit: a bay (跨) in a market hall, a workshop, an office or a warehouse.',
})
export class Unit {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;
  zoneId: string;

  /** The date the parent list was asked about; field resolvers default to it. */
  asOf?: string;

  @Field({ description: 'Code unique within the park, e.g. "W-A-017".' })
  code: string;

  @Field(() => UnitKind, { description: 'Kind of unit.' })
  kind: UnitKind;

  @Field(() => String, { nullable: true, description: 'Building or hall.' })
  building: string | null;

  @Field(() => Int, { nullable: true, description: 'Floor (1 = ground floor).' })
  floor: number | null;

  @Field(() => Float, { description: 'Floor area in square metres.' })
  floorArea: number;

  @Field({ description: 'Whether the unit may be let; see unleasableReason when not.' })
  leasable: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Why the unit cannot be let (required when leasable is false).',
  })
  unleasableReason: string | null;

  @Field(() => Int, { description: 'Edit version; pass it back to update mutations.' })
  version: number;
}

export const UnitConnection = ConnectionType(Unit, 'Unit');
