import { registerEnumType } from '@nestjs/graphql';

export enum ZoneKind {
  MARKET = 'MARKET',
  INDUSTRIAL = 'INDUSTRIAL',
  DIGITAL_CREATIVE = 'DIGITAL_CREATIVE',
  JEWELLERY = 'JEWELLERY',
  OTHER = 'OTHER',
}

export enum UnitKind {
  BAY = 'BAY',
  WORKSHOP = 'WORKSHOP',
  OFFICE = 'OFFICE',
  WAREHOUSE = 'WAREHOUSE',
}

/** What a unit is on a given date, derived from its tenancies and its leasable flag; never stored. */
export enum UnitStatus {
  VACANT = 'VACANT',
  RESERVED = 'RESERVED',
  FITTING_OUT = 'FITTING_OUT',
  OPERATING = 'OPERATING',
  UNAVAILABLE = 'UNAVAILABLE',
}

registerEnumType(ZoneKind, {
  name: 'ZoneKind',
  description: 'What a zone of the park is for.',
  valuesMap: {
    MARKET: { description: 'A stone market of bays let to traders (e.g. Western Shifosi).' },
    INDUSTRIAL: { description: 'Industrial park: processing and carving workshops.' },
    DIGITAL_CREATIVE: { description: 'Digital creative industry park.' },
    JEWELLERY: { description: 'Jewellery and jade base.' },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'The kind of lettable unit.',
  valuesMap: {
    BAY: { description: 'A bay (跨): the span between two rows of columns in a market hall.' },
    WORKSHOP: { description: 'A workshop.' },
    OFFICE: { description: 'An office.' },
    WAREHOUSE: { description: 'A warehouse or yard.' },
  },
});

registerEnumType(UnitStatus, {
  name: 'UnitStatus',
  description: 'What a unit is on a given date (derived from tenancies; never stored).',
  valuesMap: {
    VACANT: { description: 'Leasable and held by no tenancy on that date.' },
    RESERVED: { description: 'Held by a tenancy that has not started fit-out.' },
    FITTING_OUT: { description: 'Held by a tenancy in fit-out (装修).' },
    OPERATING: { description: 'Held by a tenancy that has stocked goods and opened (铺货营业).' },
    UNAVAILABLE: { description: 'Not leasable (see Unit.unleasableReason).' },
  },
});
