import {
  ASTVisitor,
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { LimitCode, limitError } from './limit-errors';

/** The introspection entry points; `__typename` is a plain leaf and is counted like any field. */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

export interface DepthOptions {
  /** Leave `__schema`/`__type` subtrees out (only when introspection is allowed at all). */
  ignoreIntrospection?: boolean;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Depth of each operation: `{ health { status } }` is 2. Fragment spreads are followed (each fragment measured once,
 * so a fragment spread many times costs nothing extra to measure); cycles and unknown fragments count 0, other
 * validation rules report them.
 */
export function operationDepths(
  document: DocumentNode,
  options: DepthOptions = {},
): { operation: OperationDefinitionNode; depth: number }[] {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const fragmentDepth = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const depth = selectionDepth(fragment.selectionSet);
    inProgress.delete(name);
    memo.set(name, depth);
    return depth;
  };

  const selectionDepth = (selectionSet: SelectionSetNode): number => {
    let max = 0;
    for (const selection of selectionSet.selections) {
      let depth: number;
      if (selection.kind === Kind.FIELD) {
        if (options.ignoreIntrospection && INTROSPECTION_ROOTS.has(selection.name.value)) continue;
        depth = 1 + (selection.selectionSet ? selectionDepth(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = selectionDepth(selection.selectionSet);
      } else {
        depth = fragmentDepth(selection.name.value);
      }
      if (depth > max) max = depth;
    }
    return max;
  };

  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ operation, depth: selectionDepth(operation.selectionSet) }));
}

/** Aliased fields written in the whole document (operations and fragments, each written alias once). */
export function countAliases(document: DocumentNode): number {
  let count = 0;
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.alias) count++;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      visit(definition.selectionSet);
    }
  }
  return count;
}

/** Rejects a document whose deepest operation is deeper than `maxDepth` (GRAPHQL_MAX_DEPTH). */
export function depthLimitRule(maxDepth: number, options: DepthOptions = {}): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const deepest = operationDepths(document, options).reduce<{
        operation: OperationDefinitionNode;
        depth: number;
      } | null>((max, current) => (max && max.depth >= current.depth ? max : current), null);
      if (deepest && deepest.depth > maxDepth) {
        context.reportError(
          limitError(
            LimitCode.DEPTH_LIMIT_EXCEEDED,
            `Query depth ${deepest.depth} exceeds the limit of ${maxDepth} (GRAPHQL_MAX_DEPTH)`,
            { limit: maxDepth, actual: deepest.depth },
            deepest.operation,
          ),
        );
      }
      return false;
    },
  });
}

/** Rejects a document with more than `maxAliases` aliased fields (GRAPHQL_MAX_ALIASES). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const aliases = countAliases(document);
      if (aliases > maxAliases) {
        context.reportError(
          limitError(
            LimitCode.ALIAS_LIMIT_EXCEEDED,
            `Query uses ${aliases} aliases, more than the limit of ${maxAliases} (GRAPHQL_MAX_ALIASES)`,
            { limit: maxAliases, actual: aliases },
          ),
        );
      }
      return false;
    },
  });
}
