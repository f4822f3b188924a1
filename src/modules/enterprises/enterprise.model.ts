import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { PARK_READERS, PersonalData, ReadableBy } from '../access/access.decorators';
import { PersonalDataKind } from '../access/personal-data';
import { Industry, OriginRegion, Province } from './enterprise.enums';

@ReadableBy(...PARK_READERS)
@ObjectType({ implements: () => [Node], description: 'A tenant enterprise (企业) of the park.' })
export class Enterprise {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;

  /** The date the parent list was asked about. */
  asOf?: string;

  @Field({ description: 'Registered Chinese name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn: string | null;

  @Field({ description: 'Unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters.' })
  creditCode: string;

  @Field(() => Industry, { description: 'Main industry.' })
  industry: Industry;

  @Field(() => Province, { description: 'Province the enterprise comes from.' })
  originProvince: Province;

  @Field(() => String, { nullable: true, description: 'City the enterprise comes from.' })
  originCity: string | null;

  @Field(() => OriginRegion, { description: 'Origin grouped: SICHUAN_CHONGQING (川渝) or ELSEWHERE.' })
  originRegion: OriginRegion;

  @Field({ description: 'A leading enterprise (龙头企业) of its industry.' })
  leading: boolean;

  @Field(() => String, { nullable: true, description: 'Contact person.' })
  contactName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact phone; masked (138****5678) for analysts and API keys.',
  })
  @PersonalData(PersonalDataKind.PHONE)
  contactPhone: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the enterprise was registered in the park.' })
  registeredOn: string | null;

  @Field(() => Int, { description: 'Edit version; pass it back to update mutations.' })
  version: number;
}

export const EnterpriseConnection = ConnectionType(Enterprise, 'Enterprise');
