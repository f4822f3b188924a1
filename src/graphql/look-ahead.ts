import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

function childFields(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo): FieldNode[] {
  const found: FieldNode[] = [];
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === name) found.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found.push(...childFields(selection.selectionSet, name, info));
    } else {
      found.push(...childFields(info.fragments[selection.name.value]?.selectionSet, name, info));
    }
  }
  return found;
}

/**
 * Whether the query selects `path` below the field being resolved (fragments and aliases included), e.g.
 * `selects(info, ['edges', 'node', 'tenancies'])` in a list resolver. Lets a hot list read nested data in its own
 * statement (look-ahead) instead of one DataLoader statement per level; other shapes keep the loaders.
 */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    level = level.flatMap((field) => childFields(field.selectionSet, name, info));
    if (!level.length) return false;
  }
  return true;
}
