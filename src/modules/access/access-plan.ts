import {
  DirectiveNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { ActorKind, ApiKeyKind } from './access.enums';
import type { AccessExtensions, AccessRule, Grant } from './access.decorators';
import { ANY_USER, API_KEY, MACHINE_GATEWAY } from './access.decorators';
import type { Principal } from './principal';

/** `@skip(if: $v)` / `@include(if: $v)` on the way to a check: it applies only when the selection is executed. */
interface Condition {
  variable: string;
  /** true for @skip, false for @include. */
  skip: boolean;
}

/** One rule a request must pass: a root operation, a type reached, or a field with a rule of its own. */
export interface AccessCheck {
  /** A root operation's rule, an object type's, or a field's own. */
  kind: 'operation' | 'type' | 'field';
  /** What is checked: "Query.units", "Tenancy" or "Enterprise.someField". */
  subject: string;
  /** Where the request reaches it, by field names: "park.zones.units.edges.node.currentTenancy". */
  path: string;
  /** null: the operation or type declares no rule, so it is refused (fail closed). */
  rule: AccessRule | null;
  conditions: readonly Condition[];
}

/** Everything one root field of a document needs, computed once per parsed document. */
export interface AccessPlan {
  checks: readonly AccessCheck[];
}

/** What the access guard knows of a root field: its GraphQLResolveInfo, also under graphql-jit. */
export interface RootFieldInfo {
  schema: GraphQLSchema;
  parentType: GraphQLObjectType;
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
}

const plans = new WeakMap<FieldNode, AccessPlan>();

function extensionsOf(item: { extensions?: unknown }): AccessExtensions {
  return item.extensions ?? {};
}

/** The conditions of a selection's @skip/@include; null when a literal `@skip(if: true)`/`@include(if: false)` drops it. */
function conditionsOf(directives: readonly DirectiveNode[] | undefined, outer: readonly Condition[]) {
  let conditions = outer;
  for (const directive of directives ?? []) {
    const skip = directive.name.value === 'skip';
    if (!skip && directive.name.value !== 'include') continue;
    const value = directive.arguments?.find((a) => a.name.value === 'if')?.value;
    if (value?.kind === Kind.BOOLEAN) {
      if (value.value === skip) return null;
    } else if (value?.kind === Kind.VARIABLE) {
      conditions = [...conditions, { variable: value.name.value, skip }];
    }
  }
  return conditions;
}

/**
 * Walks the selections under one root field, through fragments and inline fragments, and lists every rule on the
 * way: the operation's, the rule of each object type a field returns (unless the field is @OwnRecord), and the
 * rules of fields that declare their own. The plan depends on the document alone; it is cached on the parsed field
 * node, which Mercurius keeps (and graphql-jit compiles against) for every later request with the same text.
 */
export function accessPlan(info: RootFieldInfo): AccessPlan {
  const cached = plans.get(info.fieldNodes[0]);
  if (cached) return cached;
  const checks: AccessCheck[] = [];
  const seen = new Set<string>();
  const add = (
    kind: AccessCheck['kind'],
    subject: string,
    path: string,
    rule: AccessRule | null,
    conditions: readonly Condition[],
  ) => {
    // The first (shallowest) place a subject is reached under the same conditions is the one worth naming.
    const key = `${subject}|${conditions.map((c) => `${c.skip ? '-' : '+'}${c.variable}`).join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    checks.push({ kind, subject, path, rule, conditions });
  };

  const typeRules = (type: GraphQLNamedType, path: string, conditions: readonly Condition[]) => {
    const concrete = isAbstractType(type) ? info.schema.getPossibleTypes(type) : [type];
    for (const t of concrete) {
      const rule = extensionsOf(t).access ?? null;
      if (rule?.kind !== 'parent') add('type', t.name, path, rule, conditions);
    }
  };

  const visitField = (
    parent: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    selections: SelectionSetNode | undefined,
    path: string,
    conditions: readonly Condition[],
    isRoot: boolean,
  ) => {
    const ext = extensionsOf(field);
    if (isRoot || ext.access)
      add(
        isRoot ? 'operation' : 'field',
        `${parent.name}.${field.name}`,
        path,
        ext.access ?? null,
        conditions,
      );
    const type = getNamedType(field.type);
    if (!isCompositeType(type)) return;
    if (!ext.ownRecord && !ext.typeRuleAtRunTime) typeRules(type, path, conditions);
    if (selections) visitSelections(type, selections, path, conditions, new Set());
  };

  const visitSelections = (
    parent: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    path: string,
    outer: readonly Condition[],
    fragmentsOnPath: Set<string>,
  ) => {
    for (const selection of selectionSet.selections) {
      const conditions = conditionsOf(selection.directives, outer);
      if (!conditions) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        // __typename (and introspection) carry no data of ours.
        if (name.startsWith('__')) continue;
        // On an interface or union, the field is that of each possible type (each may declare its own rules).
        const owners = isObjectType(parent) ? [parent] : info.schema.getPossibleTypes(parent);
        for (const owner of owners) {
          const field = owner.getFields()[name];
          if (field) visitField(owner, field, selection.selectionSet, `${path}.${name}`, conditions, false);
        }
        continue;
      }
      const fragment =
        selection.kind === Kind.FRAGMENT_SPREAD ? info.fragments[selection.name.value] : selection;
      if (!fragment) continue;
      let onPath = fragmentsOnPath;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        // Validation refuses fragment cycles; this only keeps the walk finite if one slipped through.
        if (onPath.has(selection.name.value)) continue;
        onPath = new Set(onPath).add(selection.name.value);
      }
      const condition = fragment.typeCondition && info.schema.getType(fragment.typeCondition.name.value);
      const narrowed = condition && isCompositeType(condition) ? condition : parent;
      visitSelections(narrowed, fragment.selectionSet, path, conditions, onPath);
    }
  };

  for (const node of info.fieldNodes) {
    const conditions = conditionsOf(node.directives, []);
    const field = info.parentType.getFields()[node.name.value];
    if (conditions && field)
      visitField(info.parentType, field, node.selectionSet, node.name.value, conditions, true);
  }
  const plan: AccessPlan = { checks };
  plans.set(info.fieldNodes[0], plan);
  return plan;
}

/** Whether a check applies with these variables (its @skip/@include conditions let it run). */
export function applies(check: AccessCheck, variables: Record<string, unknown> | undefined): boolean {
  for (const { variable, skip } of check.conditions) {
    if ((variables?.[variable] === true) === skip) return false;
  }
  return true;
}

/** Whether the principal is among the grants of a rule. */
export function granted(grants: readonly Grant[], principal: Principal): boolean {
  // A gateway key is not a read key: it passes only where MACHINE_GATEWAY is granted.
  if (principal.kind === ActorKind.API_KEY)
    return grants.includes(principal.apiKeyKind === ApiKeyKind.MACHINE_GATEWAY ? MACHINE_GATEWAY : API_KEY);
  return grants.includes(ANY_USER) || principal.roles.some((role) => grants.includes(role));
}
