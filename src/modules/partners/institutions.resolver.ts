import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import type { GraphQLContext } from '../../graphql/graphql-context';
import { Allow, INSTITUTION_WRITERS, PARTNER_READERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { InstitutionListArgs } from './dto/institution-list.args';
import { CreateInstitutionInput, UpdateInstitutionInput } from './dto/institution.inputs';
import { Institution, InstitutionConnection, InstitutionContact } from './institution.model';
import { InstitutionsService } from './institutions.service';
import { partnerLoaders } from './partners.loaders';

const INPUT = { description: 'What to do; every field is described on the input type.' };

@Resolver(() => Institution)
export class InstitutionsResolver {
  constructor(private readonly service: InstitutionsService) {}

  @Query(() => InstitutionConnection, { description: 'Partner institutions: filtered, sorted and paged.' })
  @Allow(...PARTNER_READERS)
  institutions(
    @CurrentActor() actor: Actor,
    @Args() args: InstitutionListArgs,
  ): Promise<Connection<Institution>> {
    return this.service.list(actor, args);
  }

  @Query(() => Institution, {
    nullable: true,
    description: 'One institution by id; null when there is none or it is outside your parks.',
  })
  @Allow(...PARTNER_READERS)
  institution(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Institution id.' }) id: string,
  ): Promise<Institution | null> {
    return this.service.find(actor, id);
  }

  @Mutation(() => Institution, { description: "Add an institution to a park's partner register." })
  @Allow(...INSTITUTION_WRITERS)
  createInstitution(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateInstitutionInput,
  ): Promise<Institution> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Institution, { description: 'Change an institution (optimistic concurrency on version).' })
  @Allow(...INSTITUTION_WRITERS)
  updateInstitution(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: UpdateInstitutionInput,
  ): Promise<Institution> {
    return this.service.update(actor, input);
  }

  @ResolveField(() => [InstitutionContact], { description: 'Contact people, in their order.' })
  contacts(@Parent() i: Institution, @Context() ctx: GraphQLContext): Promise<InstitutionContact[]> {
    return partnerLoaders(ctx).contacts.load(i.id);
  }
}
