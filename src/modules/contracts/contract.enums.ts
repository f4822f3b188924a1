import { registerEnumType } from '@nestjs/graphql';

/** How often rent is billed, in advance. */
export enum PaymentCycle {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  SEMI_ANNUAL = 'SEMI_ANNUAL',
  ANNUAL = 'ANNUAL',
}

/** Months per billing period; each divides 12, so a period never straddles a contract anniversary. */
export const CYCLE_MONTHS: Record<PaymentCycle, number> = {
  [PaymentCycle.MONTHLY]: 1,
  [PaymentCycle.QUARTERLY]: 3,
  [PaymentCycle.SEMI_ANNUAL]: 6,
  [PaymentCycle.ANNUAL]: 12,
};

/** A contract's status on a date, derived from its dates (never stored). */
export enum ContractStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  EXPIRING = 'EXPIRING',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

/** How the monthly rent of a contract is set. */
export enum RentBasis {
  PER_SQUARE_METRE = 'PER_SQUARE_METRE',
  FIXED_PER_UNIT = 'FIXED_PER_UNIT',
}

/** Where a contract's rent-free period starts. */
export enum RentFreeStart {
  FIT_OUT = 'FIT_OUT',
  TERM_START = 'TERM_START',
}

/** What an incentive policy grants. */
export enum IncentiveKind {
  DISCOUNT = 'DISCOUNT',
  EXTRA_RENT_FREE = 'EXTRA_RENT_FREE',
}

export enum PaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  CASH = 'CASH',
  WECHAT_PAY = 'WECHAT_PAY',
  ALIPAY = 'ALIPAY',
  DEPOSIT = 'DEPOSIT',
}

export enum DepositEventKind {
  RECEIVED = 'RECEIVED',
  REFUNDED = 'REFUNDED',
  APPLIED = 'APPLIED',
}

export enum ContractOrderField {
  NUMBER = 'NUMBER',
  ENDS_ON = 'ENDS_ON',
}

registerEnumType(PaymentCycle, {
  name: 'PaymentCycle',
  description: 'How often rent is billed; every bill is issued in advance of its period.',
  valuesMap: {
    MONTHLY: { description: 'One bill a month.' },
    QUARTERLY: { description: 'One bill every three months.' },
    SEMI_ANNUAL: { description: 'One bill every six months.' },
    ANNUAL: { description: 'One bill a year.' },
  },
});

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'A contract’s status on a date, derived from its dates.',
  valuesMap: {
    DRAFT: { description: 'Not signed yet (or signed after the date asked about).' },
    ACTIVE: { description: 'Signed, and its term does not end within the notice period.' },
    EXPIRING: { description: 'Signed, and its term ends within its notice period (default 90 days).' },
    EXPIRED: { description: 'Its term has ended.' },
    TERMINATED: { description: 'Terminated early, on or before the date asked about (with a reason).' },
  },
});

registerEnumType(RentBasis, {
  name: 'RentBasis',
  description: 'How the monthly rent of a contract is set.',
  valuesMap: {
    PER_SQUARE_METRE: { description: 'A price per m² per month, times the floor area of each unit.' },
    FIXED_PER_UNIT: { description: 'A fixed monthly amount for each unit.' },
  },
});

registerEnumType(RentFreeStart, {
  name: 'RentFreeStart',
  description: 'Where the rent-free period (免租期) of a contract starts.',
  valuesMap: {
    FIT_OUT: {
      description:
        'On the date the tenancy entered FITTING_OUT (the earliest of the contract’s tenancies); the term start until then.',
    },
    TERM_START: { description: 'On the first day of the term.' },
  },
});

registerEnumType(IncentiveKind, {
  name: 'IncentiveKind',
  description: 'What an incentive policy (招商政策) grants.',
  valuesMap: {
    DISCOUNT: { description: 'A percentage off the rent for the first months of the term.' },
    EXTRA_RENT_FREE: { description: 'Extra rent-free months after the contract’s own rent-free days.' },
  },
});

registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  description: 'How a payment was made.',
  valuesMap: {
    BANK_TRANSFER: { description: 'Bank transfer.' },
    CASH: { description: 'Cash.' },
    WECHAT_PAY: { description: 'WeChat Pay.' },
    ALIPAY: { description: 'Alipay.' },
    DEPOSIT: { description: 'The deposit (押金) applied to rent; recorded by applyDeposit.' },
  },
});

registerEnumType(DepositEventKind, {
  name: 'DepositEventKind',
  description: 'A movement of a contract’s deposit (押金).',
  valuesMap: {
    RECEIVED: { description: 'Deposit received from the tenant and now held.' },
    REFUNDED: { description: 'Held deposit paid back to the tenant.' },
    APPLIED: { description: 'Held deposit applied to open bills (a DEPOSIT payment).' },
  },
});

registerEnumType(ContractOrderField, {
  name: 'ContractOrderField',
  description: 'What contracts can be sorted by.',
  valuesMap: {
    NUMBER: { description: 'Contract number.' },
    ENDS_ON: { description: 'Last day of the term (exclusive end) in force on asOf.' },
  },
});
