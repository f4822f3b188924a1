import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../../common/pagination/connection';
import { DateScalar, today } from '../../graphql/scalars/date.scalar';
import { Allow, CONTRACT_WRITERS, FINANCE_READERS, PAYMENT_WRITERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import { OccupancyService } from '../occupancy/occupancy.service';
import { ContractListArgs } from './dto/contract-list.args';
import {
  AmendContractInput,
  ApplyIncentiveInput,
  CreateContractInput,
  TerminateContractInput,
} from './dto/contract.inputs';
import { CollectionRateArgs, RentScopeArgs } from './dto/figures.args';
import { CreateIncentivePolicyInput } from './dto/incentive.inputs';
import { RecordDepositEventInput, RecordPaymentInput } from './dto/payment.inputs';
import { Contract, ContractConnection, DepositEvent, IncentivePolicy, Payment } from './contract.models';
import { ContractWritesService } from './contract-writes.service';
import { ContractsService } from './contracts.service';
import { CollectionRate, ReceivablesAging, RentRollEntry } from './figures.models';
import { PaymentsService } from './payments.service';
import { RentFiguresService } from './rent-figures.service';

const INPUT = { description: 'What to do; every field is described on the input type.' };

/** Contracts, incentive policies, payments, deposits and rent figures. Thin: one service call each. */
@Resolver(() => Contract)
export class ContractsResolver {
  constructor(
    private readonly service: ContractsService,
    private readonly writes: ContractWritesService,
    private readonly payments: PaymentsService,
    private readonly figures: RentFiguresService,
    private readonly occupancy: OccupancyService,
  ) {}

  @Query(() => ContractConnection, { description: 'Lease contracts, with terms and statuses as of a date.' })
  @Allow(...FINANCE_READERS)
  contracts(@CurrentActor() actor: Actor, @Args() args: ContractListArgs): Promise<Connection<Contract>> {
    return this.service.list(actor, args);
  }

  @Query(() => Contract, {
    nullable: true,
    description: 'One contract by id; null when none or outside your parks.',
  })
  @Allow(...FINANCE_READERS)
  contract(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Contract id.' }) id: string,
    @Args('asOf', {
      type: () => DateScalar,
      nullable: true,
      description: 'Terms and status as of this date (default: today).',
    })
    asOf?: string,
  ): Promise<Contract | null> {
    return this.service.find(actor, id, asOf ?? today());
  }

  @Query(() => [IncentivePolicy], { description: 'The incentive policies (招商政策) of a park, by name.' })
  @Allow(...FINANCE_READERS)
  incentivePolicies(
    @CurrentActor() actor: Actor,
    @Args('parkCode', { description: 'Park code.' }) parkCode: string,
  ): Promise<IncentivePolicy[]> {
    return this.writes.policies(actor, parkCode);
  }

  @Query(() => ReceivablesAging, {
    description:
      'Outstanding rent per enterprise on a date, in buckets of 0–30, 31–60, 61–90 and over 90 days overdue.',
  })
  @Allow(...FINANCE_READERS)
  async receivablesAging(
    @CurrentActor() actor: Actor,
    @Args() args: RentScopeArgs,
  ): Promise<ReceivablesAging> {
    const scope = await this.occupancy.scope(actor, args.parkCode, args.zoneCode);
    return this.figures.aging(scope.parkId, scope.zoneId, args.asOf ?? today());
  }

  @Query(() => [RentRollEntry], {
    description: 'Every unit let on a date under a contract in force, with its current rent.',
  })
  @Allow(...FINANCE_READERS)
  async rentRoll(@CurrentActor() actor: Actor, @Args() args: RentScopeArgs): Promise<RentRollEntry[]> {
    const scope = await this.occupancy.scope(actor, args.parkCode, args.zoneCode);
    return this.figures.rentRoll(scope.parkId, scope.zoneId, args.asOf ?? today());
  }

  @Query(() => CollectionRate, {
    description: 'Billed vs collected: of the rent due in [from, to], the part paid by `to`.',
  })
  @Allow(...FINANCE_READERS)
  async collectionRate(
    @CurrentActor() actor: Actor,
    @Args() args: CollectionRateArgs,
  ): Promise<CollectionRate> {
    const scope = await this.occupancy.scope(actor, args.parkCode);
    return this.figures.collectionRate(scope.parkId, null, args.from, args.to);
  }

  @Mutation(() => Contract, {
    description: 'Create a lease contract for tenancies of one enterprise; its rent schedule is generated.',
  })
  @Allow(...CONTRACT_WRITERS)
  createContract(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateContractInput,
  ): Promise<Contract> {
    return this.writes.create(actor, input);
  }

  @Mutation(() => Contract, {
    description:
      'Amend a contract from a date (a new version). Unissued bills are regenerated; issued ones are kept and their differences become an adjustment on the next bill.',
  })
  @Allow(...CONTRACT_WRITERS)
  amendContract(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: AmendContractInput,
  ): Promise<Contract> {
    return this.writes.amend(actor, input);
  }

  @Mutation(() => Contract, {
    description: 'Terminate a contract early, with a reason (see Tenancy.contractToTerminate).',
  })
  @Allow(...CONTRACT_WRITERS)
  terminateContract(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: TerminateContractInput,
  ): Promise<Contract> {
    return this.writes.terminate(actor, input);
  }

  @Mutation(() => Contract, {
    description:
      'Apply an incentive policy to a contract; BAD_USER_INPUT stating every reason when the enterprise does not qualify.',
  })
  @Allow(...CONTRACT_WRITERS)
  applyIncentive(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: ApplyIncentiveInput,
  ): Promise<Contract> {
    return this.writes.applyIncentive(actor, input);
  }

  @Mutation(() => IncentivePolicy, { description: 'Create an incentive policy (招商政策) of a park.' })
  @Allow(...CONTRACT_WRITERS)
  createIncentivePolicy(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateIncentivePolicyInput,
  ): Promise<IncentivePolicy> {
    return this.writes.createPolicy(actor, input);
  }

  @Mutation(() => Payment, {
    description:
      'Record money received; it pays the named bill first, then open bills oldest first; the rest is credit.',
  })
  @Allow(...PAYMENT_WRITERS)
  recordPayment(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RecordPaymentInput,
  ): Promise<Payment> {
    return this.payments.record(actor, input);
  }

  @Mutation(() => DepositEvent, {
    description: 'Record a deposit (押金) received, refunded or applied to bills.',
  })
  @Allow(...PAYMENT_WRITERS)
  recordDepositEvent(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: RecordDepositEventInput,
  ): Promise<DepositEvent> {
    return this.payments.recordDeposit(actor, input);
  }
}
