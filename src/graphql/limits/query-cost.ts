import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLList,
  GraphQLNamedType,
  GraphQLSchema,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../common/pagination/page-args';

/** Length assumed for a list field without a `first` argument (a zone's units are a connection; its tenancies not). */
export const ASSUMED_LIST_SIZE = 20;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** The field a selection asks for, including the introspection entry points (not among the type's own fields). */
function fieldDefinition(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

export interface CostOptions {
  /** The request's variables: `first: $n` is priced at the value the client sent. */
  variables?: Record<string, unknown> | null;
  /** Which operation runs; without it (or when unknown) the dearest operation of the document is priced. */
  operationName?: string | null;
  /** Leave `__schema`/`__type` subtrees out (only when introspection is allowed at all). */
  ignoreIntrospection?: boolean;
}

/** A Relay connection type: has `edges` and `pageInfo`. Its size is the field's `first` (default 20). */
function isConnection(type: GraphQLNamedType): boolean {
  if (!isObjectType(type) && !isInterfaceType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : undefined;
}

/**
 * Cost of a query: every field costs 1, and a field returning a list or a connection multiplies the cost of its
 * selections by how many items it may return: its `first` argument (literal or variable) when it has one, else 20 —
 * the default page of a connection, an assumed length for a plain list. Multipliers nest: `units(first: 100)` whose
 * nodes list 20 tenancies each costs 100 × 20 per tenancy field. The `edges` list of a connection is not multiplied a
 * second time. Fragments and inline fragments are added in full (an upper bound for abstract types); `@skip` and
 * `@include` are ignored, also an upper bound.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions = {}): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const chosen = options.operationName
    ? operations.filter((operation) => operation.name?.value === options.operationName)
    : operations;
  const priced = chosen.length > 0 ? chosen : operations;
  return priced.reduce((max, operation) => Math.max(max, operationCost(operation)), 0);

  function operationCost(operation: OperationDefinitionNode): number {
    // Defaults of this operation's variables; fragments are priced per operation because of them.
    const defaults = new Map<string, ValueNode>();
    for (const definition of operation.variableDefinitions ?? []) {
      if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
    }
    const memo = new Map<string, number>();
    const inProgress = new Set<string>();

    const valueOf = (node: ValueNode): unknown => {
      if (node.kind === Kind.INT) return Number(node.value);
      if (node.kind !== Kind.VARIABLE) return undefined;
      const name = node.name.value;
      const sent = options.variables?.[name];
      if (sent !== undefined && sent !== null) return sent;
      const fallback = defaults.get(name);
      return fallback ? valueOf(fallback) : undefined;
    };

    const multiplier = (
      field: GraphQLField<unknown, unknown>,
      node: FieldNode,
      parent: GraphQLNamedType,
    ): number => {
      const returns = getNamedType(field.type);
      const list = getNullableType(field.type) instanceof GraphQLList;
      if (!list && !isConnection(returns)) return 1;
      if (list && isConnection(parent)) return 1; // `edges`: its length is the connection's `first`
      const first = node.arguments?.find((argument) => argument.name.value === 'first');
      const size = first ? positiveInt(valueOf(first.value)) : undefined;
      return size ?? (isConnection(returns) ? DEFAULT_PAGE_SIZE : ASSUMED_LIST_SIZE);
    };

    const fragmentCost = (name: string): number => {
      const known = memo.get(name);
      if (known !== undefined) return known;
      const fragment = fragments.get(name);
      if (!fragment || inProgress.has(name)) return 0;
      const type = schema.getType(fragment.typeCondition.name.value);
      if (!type) return 0;
      inProgress.add(name);
      const cost = selectionCost(fragment.selectionSet, type);
      inProgress.delete(name);
      memo.set(name, cost);
      return cost;
    };

    const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          total += fragmentCost(selection.name.value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
          if (type) total += selectionCost(selection.selectionSet, type);
        } else {
          const name = selection.name.value;
          if (options.ignoreIntrospection && INTROSPECTION_ROOTS.has(name)) continue;
          total += 1;
          const field = fieldDefinition(parent, name);
          if (field && selection.selectionSet) {
            const children = selectionCost(selection.selectionSet, getNamedType(field.type));
            total += multiplier(field, selection, parent) * children;
          }
        }
      }
      return total;
    };

    const root = schema.getRootType(operation.operation);
    return root ? selectionCost(operation.selectionSet, root) : 0;
  }
}
