import { Node } from '../../graphql/node/node.model';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { PARTNER_READERS, PersonalData, ReadableBy } from '../access/access.decorators';
import { PersonalDataKind } from '../access/personal-data';
import { InstitutionKind } from './partner.enums';

@ReadableBy(...PARTNER_READERS)
@ObjectType({ description: 'A contact person of a partner institution.' })
export class InstitutionContact {
  @Field({ description: 'Name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Title or office (e.g. 校企合作处处长).' })
  title: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Phone; masked (138****5678) for analysts and API keys.',
  })
  @PersonalData(PersonalDataKind.PHONE)
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email: string | null;
}

@ReadableBy(...PARTNER_READERS)
@ObjectType({
  implements: () => [Node],
  description:
    'A partner institution (合作机构) of a park: a college, university, research institute, training provider, association, government body or enterprise group.',
})
export class Institution {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;

  parkId: string;

  @Field({ description: 'Chinese name, unique in the park.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn: string | null;

  @Field(() => InstitutionKind, { description: 'What sort of body it is.' })
  kind: InstitutionKind;

  @Field(() => String, { nullable: true, description: 'Where it is (e.g. 重庆市涪陵区).' })
  region: string | null;

  @Field(() => Int, { description: 'Edit version; pass it back to update mutations.' })
  version: number;
}

export const InstitutionConnection = ConnectionType(Institution, 'Institution');
