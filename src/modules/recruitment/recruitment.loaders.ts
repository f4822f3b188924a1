import DataLoader from 'dataloader';
import { GraphQLContext } from '../../graphql/graphql-context';
import { groupedLoader } from '../../graphql/grouped-loader';
import { EventsService } from './events.service';
import { FunnelService } from './funnel.service';
import { LeadsService } from './leads.service';
import { LeadOpening, LeadStageChange, RecruitmentEvent, RecruitmentFigures } from './recruitment.models';

export function createRecruitmentLoaders(leads: LeadsService, events: EventsService, funnel: FunnelService) {
  return {
    eventsOfLead: new DataLoader<string, RecruitmentEvent[]>((ids) => events.ofLeads(ids)),
    history: new DataLoader<string, LeadStageChange[]>((ids) => leads.historyOf(ids)),
    /** By enterprise id; the group is the date. */
    opening: groupedLoader<LeadOpening | null>((ids, asOf) => leads.openingOf(ids, asOf)),
    /** ParkOverview.recruitment; the key is JSON [parkId, asOf]. */
    figures: new DataLoader<string, RecruitmentFigures>((keys) => funnel.figures(keys)),
  };
}

export type RecruitmentLoaders = ReturnType<typeof createRecruitmentLoaders>;

export const recruitmentLoaders = (ctx: GraphQLContext): RecruitmentLoaders =>
  ctx.loaders.recruitment as RecruitmentLoaders;
