import { dataOf } from './factories';
import type { TestApp } from './test-app';

export interface MachineData {
  id: string;
  serialNumber: string;
}

export interface EventSpec {
  serialNumber: string;
  at: string;
  status?: string;
  downKind?: string;
  reasonCode?: string;
  meterHours?: number;
}

export interface EventsResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: {
    index: number;
    outcome: string;
    error: { code: string; field: string; message: string } | null;
  }[];
}

export const RECORD_EVENTS = `mutation($events: [MachineEventInput!]!) {
  recordMachineEvents(events: $events) { accepted duplicates rejected results { index outcome error { code field message } } }
}`;

let serial = 0;

/** Helpers that create machines and their history through the GraphQL API. */
export function machineFactories(t: TestApp) {
  const m = {
    async register(
      parkCode: string,
      ownerEnterpriseId: string,
      spec: Record<string, unknown> = {},
    ): Promise<MachineData> {
      serial += 1;
      const res = await t.gql<{ registerMachine: MachineData }>(
        'mutation($input: RegisterMachineInput!) { registerMachine(input: $input) { id serialNumber } }',
        {
          input: {
            parkCode,
            ownerEnterpriseId,
            serialNumber: `T-${process.pid}-${serial}`,
            type: 'CNC_ROUTER',
            manufacturer: '测试数控',
            model: 'T-1',
            ...spec,
          },
        },
      );
      return dataOf(res).registerMachine;
    },

    placementRaw(
      op: 'installMachine' | 'moveMachine' | 'removeMachine',
      input: Record<string, unknown>,
      authorization?: string,
    ) {
      const type = {
        installMachine: 'InstallMachineInput',
        moveMachine: 'MoveMachineInput',
        removeMachine: 'RemoveMachineInput',
      }[op];
      return t.gql<
        Record<string, { id: string; fromOn: string; untilOn: string | null; unit: { code: string } }>
      >(
        `mutation($input: ${type}!) { ${op}(input: $input) { id fromOn untilOn unit { code } } }`,
        { input },
        authorization ? { authorization } : {},
      );
    },

    async install(machineId: string, unitCode: string, on: string) {
      return dataOf(await m.placementRaw('installMachine', { machineId, unitCode, on })).installMachine!;
    },

    eventsRaw(events: EventSpec[], authorization?: string) {
      return t.gql<{ recordMachineEvents: EventsResult }>(
        RECORD_EVENTS,
        { events },
        authorization ? { authorization } : {},
      );
    },

    async events(events: EventSpec[], authorization?: string): Promise<EventsResult> {
      return dataOf(await m.eventsRaw(events, authorization)).recordMachineEvents;
    },
  };
  return m;
}
