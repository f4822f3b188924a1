/** SQL fragments shared by the recruitment figures and measures (written by us, never by the client). */

/** Lead `l`'s stage on the date: its latest stage event on or before it (null before its first). */
export const leadStageOnSql = (l: string, date: string): string =>
  `(SELECT e.stage FROM lead_stage_event e WHERE e.lead_id = ${l}.id AND e.effective_on <= ${date}
    ORDER BY e.effective_on DESC, e.stage DESC LIMIT 1)`;

/** True when recruitment event `ev` was held on or before the date. */
export const eventHeldBySql = (ev: string, date: string): string => `${ev}.held_on <= ${date}`;
