import { TenancyStage } from './tenancy.enums';
import { Tenancy } from './tenancy.models';

/** Forward-only moves. RESERVED may also end without opening; FITTING_OUT must open before it can end. */
const MOVES: Record<TenancyStage, TenancyStage[]> = {
  [TenancyStage.RESERVED]: [TenancyStage.FITTING_OUT, TenancyStage.ENDED],
  [TenancyStage.FITTING_OUT]: [TenancyStage.OPERATING],
  [TenancyStage.OPERATING]: [TenancyStage.ENDED],
  [TenancyStage.ENDED]: [],
};

export function allowedMoves(from: TenancyStage): TenancyStage[] {
  return MOVES[from];
}

/** The furthest stage a tenancy has been recorded in (an end date in the future counts as ENDED). */
export function latestStage(t: Tenancy): TenancyStage {
  if (t.endsOn) return TenancyStage.ENDED;
  if (t.operatingFrom) return TenancyStage.OPERATING;
  if (t.fittingOutFrom) return TenancyStage.FITTING_OUT;
  return TenancyStage.RESERVED;
}

/** The Tenancy property holding the date a stage began. */
export function stageColumn(stage: TenancyStage): 'startsOn' | 'fittingOutFrom' | 'operatingFrom' | 'endsOn' {
  switch (stage) {
    case TenancyStage.RESERVED:
      return 'startsOn';
    case TenancyStage.FITTING_OUT:
      return 'fittingOutFrom';
    case TenancyStage.OPERATING:
      return 'operatingFrom';
    case TenancyStage.ENDED:
      return 'endsOn';
  }
}
