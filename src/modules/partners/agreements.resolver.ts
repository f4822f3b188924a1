import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import { DateScalar } from '../../graphql/scalars/date.scalar';
import { Allow, PARTNER_READERS, PARTNER_WRITERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { Agreement, AgreementConnection, Obligation } from './agreement.models';
import { AgreementsService } from './agreements.service';
import {
  AddObligationInput,
  AgreementListArgs,
  AgreementsExpiringArgs,
  CreateAgreementInput,
  RecordObligationProgressInput,
  TerminateAgreementInput,
  UpdateAgreementInput,
} from './dto/agreement.inputs';

const INPUT = { description: 'What to do; every field is described on the input type.' };

@Resolver(() => Agreement)
export class AgreementsResolver {
  constructor(private readonly service: AgreementsService) {}

  @Query(() => AgreementConnection, {
    description: 'Agreements with their status on asOf, newest term first.',
  })
  @Allow(...PARTNER_READERS)
  agreements(@CurrentActor() actor: Actor, @Args() args: AgreementListArgs): Promise<Connection<Agreement>> {
    return this.service.list(actor, args);
  }

  @Query(() => Agreement, {
    nullable: true,
    description:
      'One agreement by id (status as of today); null when there is none or it is outside your parks.',
  })
  @Allow(...PARTNER_READERS)
  agreement(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Agreement id.' }) id: string,
  ): Promise<Agreement | null> {
    return this.service.find(actor, id);
  }

  @Query(() => [Agreement], {
    description:
      'Agreements of a park in force on asOf whose term ends within withinDays after it and that no signed renewal follows, soonest first.',
  })
  @Allow(...PARTNER_READERS)
  agreementsExpiring(
    @CurrentActor() actor: Actor,
    @Args() args: AgreementsExpiringArgs,
  ): Promise<Agreement[]> {
    return this.service.expiring(actor, args);
  }

  @Query(() => [Obligation], {
    description:
      'Obligations in your parks due before asOf whose progress is below target (agreements terminated by then left out), oldest due first.',
  })
  @Allow(...PARTNER_READERS)
  obligationsOverdue(
    @CurrentActor() actor: Actor,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: 'The date asked about (default: today).',
    })
    asOf?: string,
  ): Promise<Obligation[]> {
    return this.service.overdue(actor, asOf);
  }

  @Mutation(() => Agreement, {
    description: 'Record an agreement (a renewal names the agreement it renews).',
  })
  @Allow(...PARTNER_WRITERS)
  createAgreement(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateAgreementInput,
  ): Promise<Agreement> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Agreement, { description: 'Change an agreement: title, signing date, end date.' })
  @Allow(...PARTNER_WRITERS)
  updateAgreement(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: UpdateAgreementInput,
  ): Promise<Agreement> {
    return this.service.update(actor, input);
  }

  @Mutation(() => Agreement, { description: 'End a signed agreement early, with a reason.' })
  @Allow(...PARTNER_WRITERS)
  terminateAgreement(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: TerminateAgreementInput,
  ): Promise<Agreement> {
    return this.service.terminate(actor, input);
  }

  @Mutation(() => Obligation, { description: 'Add an obligation to an agreement.' })
  @Allow(...PARTNER_WRITERS)
  addObligation(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: AddObligationInput,
  ): Promise<Obligation> {
    return this.service.addObligation(actor, input);
  }

  @Mutation(() => Obligation, { description: 'Record the progress figure of a MANUAL obligation.' })
  @Allow(...PARTNER_WRITERS)
  recordObligationProgress(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RecordObligationProgressInput,
  ): Promise<Obligation> {
    return this.service.recordProgress(actor, input);
  }
}
