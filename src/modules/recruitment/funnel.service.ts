import { idJsonSql } from '../../graphql/id-sql';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rate } from '../../common/percent';
import { Actor } from '../access/principal';
import { requireParkId } from '../space/park-scope';
import { FunnelArgs } from './dto/recruitment.inputs';
import { FunnelGroupBy, LeadStage, RecruitmentEventKind } from './recruitment.enums';
import { RecruitmentErrors } from './recruitment.errors';
import { FunnelGroup, RecruitmentFigures, RecruitmentFunnel } from './recruitment.models';
import { eventHeldBySql, leadStageOnSql } from './recruitment-sql';

/**
 * Each lead of park $1 recorded in [$2, $3], with the dates (on or before $3) it reached each step. Reaching a stage
 * counts a skipped one as reached (NEGOTIATING without CONTACTED was contacted); LOST is outside the order. Fitting out
 * and operating come from the converted enterprise's tenancies that start on or after the conversion.
 */
const PER_LEAD = `
  SELECT l.id, l.owner_id, l.industry::text AS industry, l.origin_province::text AS origin, l.created_on,
         s.reach, s.contacted_on, s.negotiating_on, s.signed_on, s.lost_on, t.fit_on, t.open_on
  FROM lead l
  CROSS JOIN LATERAL (
    SELECT max(CASE e.stage WHEN 'CONTACTED' THEN 1 WHEN 'NEGOTIATING' THEN 2 WHEN 'SIGNED' THEN 3
                            WHEN 'CONVERTED' THEN 4 ELSE 0 END) AS reach,
           min(e.effective_on) FILTER (WHERE e.stage = 'CONTACTED') AS contacted_on,
           min(e.effective_on) FILTER (WHERE e.stage = 'NEGOTIATING') AS negotiating_on,
           min(e.effective_on) FILTER (WHERE e.stage = 'SIGNED') AS signed_on,
           min(e.effective_on) FILTER (WHERE e.stage = 'LOST') AS lost_on
    FROM lead_stage_event e WHERE e.lead_id = l.id AND e.effective_on <= $3::date) s
  LEFT JOIN LATERAL (
    SELECT min(coalesce(tt.fitting_out_from, tt.operating_from))
             FILTER (WHERE coalesce(tt.fitting_out_from, tt.operating_from) <= $3::date) AS fit_on,
           min(tt.operating_from) FILTER (WHERE tt.operating_from <= $3::date) AS open_on
    FROM tenancy tt
    WHERE l.converted_on <= $3::date AND tt.enterprise_id = l.enterprise_id AND tt.starts_on >= l.converted_on) t ON true
  WHERE l.park_id = $1 AND l.created_on BETWEEN $2::date AND $3::date`;

/** The group key (a global id where it names an object, as its `id` answers it) and label of each groupBy, over PER_LEAD rows `f` (EVENT and EVENT_KIND join the lead's events). */
const GROUPS: Record<FunnelGroupBy, { from: string; key: string; label: string }> = {
  [FunnelGroupBy.EVENT]: {
    from: 'f LEFT JOIN lead_event le ON le.lead_id = f.id LEFT JOIN recruitment_event ev ON ev.id = le.event_id',
    key: idJsonSql('RecruitmentEvent', 'ev.id'),
    label: 'ev.title',
  },
  [FunnelGroupBy.EVENT_KIND]: {
    from: `(SELECT DISTINCT ON (f.id, ev.kind) f.*, ev.kind::text AS kind FROM f
            LEFT JOIN lead_event le ON le.lead_id = f.id LEFT JOIN recruitment_event ev ON ev.id = le.event_id) f`,
    key: 'f.kind',
    label: 'f.kind',
  },
  [FunnelGroupBy.OWNER]: {
    from: 'f LEFT JOIN app_user u ON u.id = f.owner_id',
    key: idJsonSql('User', 'f.owner_id'),
    label: 'u.display_name',
  },
  [FunnelGroupBy.INDUSTRY]: { from: 'f', key: 'f.industry', label: 'f.industry' },
  [FunnelGroupBy.ORIGIN]: { from: 'f', key: 'f.origin', label: 'f.origin' },
};

const MEDIAN = (a: string, b: string) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY (f.${b} - f.${a}))`;

/** The aggregates of one group, over rows `f`. */
const AGGREGATES = `count(*)::int AS leads,
  count(*) FILTER (WHERE f.reach >= 1)::int AS contacted,
  count(*) FILTER (WHERE f.reach >= 2)::int AS negotiating,
  count(*) FILTER (WHERE f.reach >= 3)::int AS signed,
  count(*) FILTER (WHERE f.fit_on IS NOT NULL)::int AS fitting_out,
  count(*) FILTER (WHERE f.open_on IS NOT NULL)::int AS operating,
  count(*) FILTER (WHERE f.lost_on IS NOT NULL)::int AS lost,
  ${MEDIAN('created_on', 'contacted_on')} AS to_contacted,
  ${MEDIAN('contacted_on', 'negotiating_on')} AS to_negotiating,
  ${MEDIAN('negotiating_on', 'signed_on')} AS to_signed,
  ${MEDIAN('signed_on', 'fit_on')} AS to_fitting_out,
  ${MEDIAN('fit_on', 'open_on')} AS to_operating`;

interface GroupRow {
  total: boolean;
  key: string | null;
  label: string | null;
  leads: number;
  contacted: number;
  negotiating: number;
  signed: number;
  fitting_out: number;
  operating: number;
  lost: number;
  to_contacted: number | null;
  to_negotiating: number | null;
  to_signed: number | null;
  to_fitting_out: number | null;
  to_operating: number | null;
}

const toGroup = (r: GroupRow): FunnelGroup => ({
  key: r.key,
  label: r.label,
  leads: r.leads,
  contacted: r.contacted,
  negotiating: r.negotiating,
  signed: r.signed,
  fittingOut: r.fitting_out,
  operating: r.operating,
  lost: r.lost,
  signedRate: rate(r.signed, r.leads),
  openRate: rate(r.operating, r.leads),
  medianDays: {
    toContacted: r.to_contacted,
    toNegotiating: r.to_negotiating,
    toSigned: r.to_signed,
    toFittingOut: r.to_fitting_out,
    toOperating: r.to_operating,
  },
});

/** The recruitment funnel and ParkOverview.recruitment, each one SQL statement. */
@Injectable()
export class FunnelService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async funnel(actor: Actor, args: FunnelArgs): Promise<RecruitmentFunnel> {
    if (args.to < args.from) throw RecruitmentErrors.periodOrder();
    const parkId = await requireParkId(this.db.manager, actor, args.parkCode);
    const g = GROUPS[args.groupBy];
    const rows = await this.db.query<GroupRow[]>(
      `WITH f AS (${PER_LEAD})
       SELECT true AS total, NULL AS key, NULL AS label, ${AGGREGATES} FROM f
       UNION ALL
       SELECT * FROM (SELECT false, ${g.key}, min(${g.label}), ${AGGREGATES} FROM ${g.from} GROUP BY ${g.key}) x
       ORDER BY 1 DESC, leads DESC, 3`,
      [parkId, args.from, args.to],
    );
    const [total, ...groups] = rows.map((r) => ({ ...r, ...medians(r) }));
    return {
      from: args.from,
      to: args.to,
      groupBy: args.groupBy,
      total: toGroup(total),
      groups: groups.map(toGroup),
    };
  }

  /** Per key [parkId, asOf]: events held by asOf by kind, leads by their stage on asOf. */
  async figures(keys: readonly string[]): Promise<RecruitmentFigures[]> {
    const scopes = keys.map((k) => JSON.parse(k) as [string, string]);
    const rows = await this.db.query<
      {
        events: { kind: RecruitmentEventKind; count: number }[] | null;
        leads: { stage: LeadStage; count: number }[] | null;
      }[]
    >(
      `SELECT
         (SELECT json_agg(json_build_object('kind', kind, 'count', c) ORDER BY kind)
            FROM (SELECT ev.kind, count(*)::int AS c FROM recruitment_event ev
                  WHERE ev.park_id = s.park_id AND ${eventHeldBySql('ev', 's.as_of')} GROUP BY ev.kind) k) AS events,
         (SELECT json_agg(json_build_object('stage', stage, 'count', c) ORDER BY stage)
            FROM (SELECT st.stage, count(*)::int AS c FROM lead l
                  CROSS JOIN LATERAL (SELECT ${leadStageOnSql('l', 's.as_of')} AS stage) st
                  WHERE l.park_id = s.park_id AND st.stage IS NOT NULL GROUP BY st.stage) k) AS leads
       FROM unnest($1::uuid[], $2::date[]) WITH ORDINALITY AS s(park_id, as_of, n)
       ORDER BY s.n`,
      [scopes.map((s) => s[0]), scopes.map((s) => s[1])],
    );
    return rows.map((r) => ({ eventsByKind: r.events ?? [], leadsByStage: r.leads ?? [] }));
  }
}

/** percentile_cont answers double precision; pg hands it over as a number already, nulls stay null. */
function medians(r: GroupRow): Partial<GroupRow> {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    to_contacted: n(r.to_contacted),
    to_negotiating: n(r.to_negotiating),
    to_signed: n(r.to_signed),
    to_fitting_out: n(r.to_fitting_out),
    to_operating: n(r.to_operating),
  };
}
