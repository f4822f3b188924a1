import { Args, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { jsonSelection } from '../../graphql/json-projection';
import type { Connection } from '../../common/pagination/connection';
import { Allow, PARTNER_READERS, PARTNER_WRITERS } from '../access/access.decorators';
import { CurrentActor } from '../access/current-actor.decorator';
import type { Actor } from '../access/principal';
import {
  AdvanceLeadInput,
  ConvertLeadInput,
  CreateLeadInput,
  CreateRecruitmentEventInput,
  FollowUpsDueArgs,
  FunnelArgs,
  LeadListArgs,
  RecruitmentEventListArgs,
  UpdateLeadInput,
} from './dto/recruitment.inputs';
import { EventsService } from './events.service';
import { FunnelService } from './funnel.service';
import { LeadsService } from './leads.service';
import { LEAD_JSON } from './lead.json-sql';
import {
  ConvertLeadResult,
  Lead,
  LeadConnection,
  RecruitmentEvent,
  RecruitmentEventConnection,
  RecruitmentFunnel,
} from './recruitment.models';

const INPUT = { description: 'What to do; every field is described on the input type.' };

@Resolver()
export class RecruitmentResolver {
  constructor(
    private readonly events: EventsService,
    private readonly leadsService: LeadsService,
    private readonly funnel: FunnelService,
  ) {}

  @Query(() => RecruitmentEventConnection, { description: 'Recruitment events, newest first.' })
  @Allow(...PARTNER_READERS)
  recruitmentEvents(
    @CurrentActor() actor: Actor,
    @Args() args: RecruitmentEventListArgs,
  ): Promise<Connection<RecruitmentEvent>> {
    return this.events.list(actor, args);
  }

  @Query(() => LeadConnection, { description: 'Recruitment leads, by name.' })
  @Allow(...PARTNER_READERS)
  leads(
    @CurrentActor() actor: Actor,
    @Args() args: LeadListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Lead>> {
    // The whole node selection built by PostgreSQL when every field of it can be (json-projection.ts).
    return this.leadsService.list(actor, args, jsonSelection(info, ['edges', 'node'], LEAD_JSON));
  }

  @Query(() => Lead, {
    nullable: true,
    description: 'One lead by id; null when there is none or it is outside your parks.',
  })
  @Allow(...PARTNER_READERS)
  lead(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'Lead id.' }) id: string,
  ): Promise<Lead | null> {
    return this.leadsService.find(actor, id);
  }

  @Query(() => RecruitmentFunnel, {
    description:
      'How far the leads recorded in a period got by its last day, grouped: contacted, negotiating, signed, fitting out, operating (open), lost, with conversion rates and median days between steps.',
  })
  @Allow(...PARTNER_READERS)
  recruitmentFunnel(@CurrentActor() actor: Actor, @Args() args: FunnelArgs): Promise<RecruitmentFunnel> {
    return this.funnel.funnel(actor, args);
  }

  @Query(() => [Lead], {
    description:
      'Open leads of an owner (default: you) whose next follow-up is due on or before asOf, oldest first.',
  })
  @Allow(...PARTNER_READERS)
  followUpsDue(@CurrentActor() actor: Actor, @Args() args: FollowUpsDueArgs): Promise<Lead[]> {
    return this.leadsService.followUpsDue(actor, args);
  }

  @Mutation(() => RecruitmentEvent, { description: 'Record a recruitment event.' })
  @Allow(...PARTNER_WRITERS)
  createRecruitmentEvent(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: CreateRecruitmentEventInput,
  ): Promise<RecruitmentEvent> {
    return this.events.create(actor, input);
  }

  @Mutation(() => Lead, { description: 'Record a lead (stage NEW).' })
  @Allow(...PARTNER_WRITERS)
  createLead(@CurrentActor() actor: Actor, @Args('input', INPUT) input: CreateLeadInput): Promise<Lead> {
    return this.leadsService.create(actor, input);
  }

  @Mutation(() => Lead, { description: "Change a lead's details, owner, follow-up date or source events." })
  @Allow(...PARTNER_WRITERS)
  updateLead(@CurrentActor() actor: Actor, @Args('input', INPUT) input: UpdateLeadInput): Promise<Lead> {
    return this.leadsService.update(actor, input);
  }

  @Mutation(() => Lead, {
    description:
      'Move a lead forward to a later stage on a date (skipping is allowed, going back is not), or to LOST with a reason.',
  })
  @Allow(...PARTNER_WRITERS)
  advanceLead(@CurrentActor() actor: Actor, @Args('input', INPUT) input: AdvanceLeadInput): Promise<Lead> {
    return this.leadsService.advance(actor, input);
  }

  @Mutation(() => ConvertLeadResult, {
    description:
      'Convert a SIGNED lead into a tenant: link (or register) its enterprise and lease units, in one transaction. A unit already taken gives CONFLICT and nothing changes.',
  })
  @Allow(...PARTNER_WRITERS)
  convertLead(
    @CurrentActor() actor: Actor,
    @Args('input', INPUT) input: ConvertLeadInput,
  ): Promise<ConvertLeadResult> {
    return this.leadsService.convert(actor, input);
  }
}
