import { getNamedType, GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/** The name of the Relay Node interface. */
export const NODE_INTERFACE = 'Node';

/**
 * An ID that names no Node: passed through raw, never encoded or decoded. A per-object override answers it for an
 * object whose type is no Node (an audit entry about an import, `units:<sha256>`); an input taking something that is
 * no object of the API should rather be a String (ImportSpreadsheetInput.uploadId).
 */
export const RAW_ID = '(raw)';

/** Node types whose keys are sequence numbers (bigint ids), not UUIDs: their global ids are `Type:<digits>`. */
export const NUMERIC_KEY_TYPES: ReadonlySet<string> = new Set([
  'AuditEntry',
  'TraineeStatusEvent',
  'MachineStatusEvent',
]);

/**
 * Which object type an ID names, where the name alone does not say (see `idTypeByName`). Keyed by schema coordinate:
 * `Type.field` for output and input-object fields, `Query.field(arg:)` for arguments. A function picks the type from
 * the object being answered (output fields only).
 */
export const ID_TYPE_OVERRIDES: Record<string, string | ((source: Record<string, unknown>) => string)> = {
  // Any type: these take the global id itself.
  'Query.node(id:)': NODE_INTERFACE,
  'Query.nodes(ids:)': NODE_INTERFACE,
  // The caller: a user or an API key (Me is not a Node: its id is the User's or the ApiKey's).
  'Me.id': (me) => (me.kind === 'API_KEY' ? 'ApiKey' : 'User'),
  'AuditEntry.actorId': (entry) => (entry.actorKind === 'API_KEY' ? 'ApiKey' : 'User'),
  // The record a change or correction was about, whatever its type.
  'AuditEntry.entityId': (entry) => entry.entityType as string,
  'FigureCorrection.entityId': (correction) => correction.entityType as string,
  'Lead.ownerId': 'User',
  'CreateLeadInput.ownerId': 'User',
  'UpdateLeadInput.ownerId': 'User',
  'LeadFilter.ownerId': 'User',
  'Query.followUpsDue(ownerId:)': 'User',
  'CreateLeadInput.eventIds': 'RecruitmentEvent',
  'UpdateLeadInput.addEventIds': 'RecruitmentEvent',
  'LeadFilter.eventId': 'RecruitmentEvent',
  'MaintenanceRecord.planId': 'MaintenancePlan',
  'RecordMaintenanceInput.planId': 'MaintenancePlan',
  'ApplyIncentiveInput.policyId': 'IncentivePolicy',
  'CreateAgreementInput.renewsId': 'Agreement',
  'RecordObligationProgressInput.id': 'Obligation',
  'Mutation.setUserPassword(id:)': 'User',
};

/** The camel-case words of a name, longest suffix first: "ownerEnterprise" → ownerEnterprise, enterprise. */
function suffixes(name: string): string[] {
  const starts = [0, ...[...name].flatMap((c, i) => (i > 0 && c >= 'A' && c <= 'Z' ? [i] : []))];
  return starts.map((i) => name.charAt(i).toUpperCase() + name.slice(i + 1));
}

/**
 * The object type an ID field or argument names, by convention: `unitId`/`unitIds` → Unit, `ownerEnterpriseId` →
 * Enterprise (the longest camel-case suffix that is a Node type); a plain `id` names the type its owner is about
 * (`UpdateUnitInput.id`, `revokeApiKey(id:)` → the longest suffix of the owner's name, else the field's own type).
 */
export function idTypeByName(
  name: string,
  owner: string,
  nodeTypes: ReadonlySet<string>,
  returnType?: string,
): string | undefined {
  const match = (candidates: string[]) => candidates.find((c) => nodeTypes.has(c));
  const stem = /^(.+?)Ids?$/.exec(name)?.[1];
  if (stem) return match(suffixes(stem));
  if (name !== 'id') return undefined;
  return match(suffixes(owner.replace(/(Input|Filter)$/, ''))) ?? match(returnType ? [returnType] : []);
}

/** The names of the object types that implement Node. */
export function nodeTypeNames(schema: GraphQLSchema): Set<string> {
  const node = schema.getType(NODE_INTERFACE);
  if (!node || !isInterfaceType(node)) return new Set();
  return new Set(schema.getPossibleTypes(node).map((t) => t.name));
}

/** What an output ID field returns: the type it names (fixed, or picked per object). */
export type OutputIdType = string | ((source: Record<string, unknown>) => string);

/**
 * The type behind every ID of the schema: `outputs` by `Type.field`, `inputs` by coordinate (input-object fields and
 * arguments), and `unknown`: coordinates whose type neither the convention nor ID_TYPE_OVERRIDES gives (the server
 * refuses to start with one; a unit test checks schema.gql).
 */
export function idTypes(schema: GraphQLSchema): {
  outputs: Map<string, OutputIdType>;
  inputs: Map<string, string>;
  unknown: string[];
} {
  const nodeTypes = nodeTypeNames(schema);
  const outputs = new Map<string, OutputIdType>();
  const inputs = new Map<string, string>();
  const unknown: string[] = [];
  const resolve = (coordinate: string, name: string, owner: string, returnType?: string) =>
    ID_TYPE_OVERRIDES[coordinate] ?? idTypeByName(name, owner, nodeTypes, returnType);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === 'ID') {
          const coordinate = `${type.name}.${field.name}`;
          const found =
            field.name === 'id' && nodeTypes.has(type.name)
              ? type.name
              : resolve(coordinate, field.name, type.name);
          if (found === RAW_ID) continue;
          if (found) outputs.set(coordinate, found);
          else unknown.push(coordinate);
        }
        for (const arg of field.args) {
          if (getNamedType(arg.type).name !== 'ID') continue;
          const coordinate = `${type.name}.${field.name}(${arg.name}:)`;
          const found = resolve(coordinate, arg.name, field.name, getNamedType(field.type).name);
          if (typeof found === 'string') inputs.set(coordinate, found);
          else unknown.push(coordinate);
        }
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name !== 'ID') continue;
        const coordinate = `${type.name}.${field.name}`;
        const found = resolve(coordinate, field.name, type.name);
        if (typeof found === 'string') inputs.set(coordinate, found);
        else unknown.push(coordinate);
      }
    }
  }
  return { outputs, inputs, unknown };
}
