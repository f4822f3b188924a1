import { registerEnumType } from '@nestjs/graphql';

/** What sort of recruitment (招商) event. */
export enum RecruitmentEventKind {
  MARKET_VISIT = 'MARKET_VISIT',
  FORUM = 'FORUM',
  EXPO = 'EXPO',
  GATHERING = 'GATHERING',
  OTHER = 'OTHER',
}

/**
 * Where a lead stands. NEW → CONTACTED → NEGOTIATING → SIGNED → CONVERTED only forward; LOST from any stage before
 * CONVERTED. After CONVERTED the lead's progress is its enterprise's tenancies (fitting out, operating).
 */
export enum LeadStage {
  NEW = 'NEW',
  CONTACTED = 'CONTACTED',
  NEGOTIATING = 'NEGOTIATING',
  SIGNED = 'SIGNED',
  CONVERTED = 'CONVERTED',
  LOST = 'LOST',
}

/** Forward order of the stages (LOST is outside it). */
export const STAGE_RANK: Record<LeadStage, number> = {
  NEW: 0,
  CONTACTED: 1,
  NEGOTIATING: 2,
  SIGNED: 3,
  CONVERTED: 4,
  LOST: -1,
};

/** How recruitmentFunnel groups leads. */
export enum FunnelGroupBy {
  EVENT = 'EVENT',
  EVENT_KIND = 'EVENT_KIND',
  OWNER = 'OWNER',
  INDUSTRY = 'INDUSTRY',
  ORIGIN = 'ORIGIN',
}

registerEnumType(RecruitmentEventKind, {
  name: 'RecruitmentEventKind',
  description: 'What sort of recruitment (招商) event.',
  valuesMap: {
    MARKET_VISIT: {
      description: 'A visit to a market or to enterprises elsewhere (走访动员), e.g. Chengdu, Chongqing.',
    },
    FORUM: { description: 'An enterprise forum held by the park (企业座谈会).' },
    EXPO: { description: 'A trade fair or expo.' },
    GATHERING: { description: 'A large gathering of enterprises at the park (企业齐聚).' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(LeadStage, {
  name: 'LeadStage',
  description:
    'Where a recruitment lead stands; stages only move forward, LOST from any stage before CONVERTED.',
  valuesMap: {
    NEW: { description: 'Recorded, not yet contacted.' },
    CONTACTED: { description: 'Contacted.' },
    NEGOTIATING: { description: 'Negotiating terms.' },
    SIGNED: { description: 'Agreed to move in (signed), not yet converted into a tenant.' },
    CONVERTED: { description: 'Converted: an enterprise of the register with units leased (convertLead).' },
    LOST: { description: 'Will not move in; see lostReason.' },
  },
});

registerEnumType(FunnelGroupBy, {
  name: 'FunnelGroupBy',
  description: 'How recruitmentFunnel groups leads.',
  valuesMap: {
    EVENT: { description: 'By source event (a lead from several events counts in each).' },
    EVENT_KIND: { description: 'By kind of source event (a lead counts once per kind).' },
    OWNER: { description: 'By the user who owns the lead.' },
    INDUSTRY: { description: "By the lead's industry." },
    ORIGIN: { description: "By the lead's province of origin." },
  },
});
