import { registerEnumType } from '@nestjs/graphql';

/** What a user may do, within the parks they are scoped to. */
export enum Role {
  ADMIN = 'ADMIN',
  LEASING = 'LEASING',
  RECRUITER = 'RECRUITER',
  ANALYST = 'ANALYST',
  FINANCE = 'FINANCE',
}

/** What an API key may do. */
export enum ApiKeyKind {
  READ = 'READ',
  MACHINE_GATEWAY = 'MACHINE_GATEWAY',
}

/** Who made a request or a change. */
export enum ActorKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
  SYSTEM = 'SYSTEM',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'A user role; permissions apply within the parks the user is scoped to.',
  valuesMap: {
    ADMIN: { description: 'Everything in their parks, including users, API keys and the audit log.' },
    LEASING: { description: 'Reads and changes zones, units, enterprises and tenancies.' },
    RECRUITER: {
      description:
        'Trainees, cohorts, certifications and partner institutions; reads parks, zones, units, enterprises, agreements, recruitment events, leads and park figures, not tenancies (who holds a unit), users or the audit log.',
    },
    ANALYST: { description: 'Reads park data, tenancies and figures; personal data masked.' },
    FINANCE: {
      description:
        'Records payments and deposits; reads contracts, bills, payments and rent figures, and the park data, tenancies and enterprises behind them.',
    },
  },
});

registerEnumType(ActorKind, {
  name: 'ActorKind',
  description: 'Who acted.',
  valuesMap: {
    USER: { description: 'A signed-in user.' },
    API_KEY: { description: 'A read-only API key of a report client.' },
    SYSTEM: { description: 'The system itself (seed, migrations, scripts).' },
  },
});

registerEnumType(ApiKeyKind, {
  name: 'ApiKeyKind',
  description: 'What an API key may do.',
  valuesMap: {
    READ: { description: 'Read park data (report clients, dashboards).' },
    MACHINE_GATEWAY: {
      description:
        'Bound to one park; may only call recordMachineEvents (shop-floor gateways and controllers).',
    },
  },
});
