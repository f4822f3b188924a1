import { registerEnumType } from '@nestjs/graphql';

/** The life of a tenancy. Stages only move forward; RESERVED may also end without opening. */
export enum TenancyStage {
  RESERVED = 'RESERVED',
  FITTING_OUT = 'FITTING_OUT',
  OPERATING = 'OPERATING',
  ENDED = 'ENDED',
}

export enum StageEventKind {
  CHANGE = 'CHANGE',
  CORRECTION = 'CORRECTION',
}

registerEnumType(TenancyStage, {
  name: 'TenancyStage',
  description: 'Where a tenancy is in its life: RESERVED → FITTING_OUT → OPERATING → ENDED.',
  valuesMap: {
    RESERVED: { description: 'The unit is held for the enterprise; fit-out has not started.' },
    FITTING_OUT: { description: 'Fit-out (装修) under way.' },
    OPERATING: { description: 'Stocked and open for business (铺货营业).' },
    ENDED: { description: 'The tenancy is over; the unit is free from its end date.' },
  },
});

registerEnumType(StageEventKind, {
  name: 'StageEventKind',
  description: 'Whether a stage history entry records a change or corrects an earlier entry.',
  valuesMap: {
    CHANGE: { description: 'The tenancy moved to a stage.' },
    CORRECTION: { description: 'An earlier entry was mistaken: its date changed or it was withdrawn.' },
  },
});
