import { FragmentDefinitionNode, GraphQLResolveInfo, Kind, OperationDefinitionNode, parse } from 'graphql';
import { jsonProjectionSql, jsonSelection, JsonType, SqlParams } from './json-projection';

const CHILD: JsonType = { name: 'Child', columns: { name: (c) => `${c}.name` } };
const PARENT: JsonType = {
  name: 'Parent',
  columns: { code: (p) => `${p}.code`, on: (p, params) => `CAST(${params.bind('2024-01-01')} AS date)` },
  relations: {
    kids: {
      type: () => CHILD,
      sql: (p, c, object) => `(SELECT json_agg(${object}) FROM child ${c} WHERE ${c}.parent_id = ${p}.id)`,
    },
  },
};

/** The resolve info of the root field of `query`, as far as jsonSelection reads it. */
function infoOf(query: string): GraphQLResolveInfo {
  const doc = parse(query);
  const operation = doc.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0]], fragments } as unknown as GraphQLResolveInfo;
}

const sqlOf = (query: string): string | null => {
  const selection = jsonSelection(infoOf(query), ['edges', 'node'], PARENT);
  return selection && jsonProjectionSql(selection, 'p', new SqlParams());
};

describe('jsonSelection / jsonProjectionSql', () => {
  it('builds one JSON object of exactly the selected fields, fragments and aliases included', () => {
    const sql = sqlOf(`{ list { edges { node { code x: code __typename ...F kids { name } } } } }
      fragment F on Parent { on }`);
    expect(sql).toBe(
      `json_build_object('__sql', true, 'code', p.code, 'on', CAST(:json_1 AS date), 'kids', ` +
        `(SELECT json_agg(json_build_object('__sql', true, 'name', p_kids.name)) FROM child p_kids WHERE p_kids.parent_id = p.id))`,
    );
  });

  it.each([
    ['a field it cannot project', '{ list { edges { node { code other } } } }'],
    ['a field with arguments', '{ list { edges { node { code kids(first: 1) { name } } } } }'],
    ['a directive', '{ list { edges { node { code @include(if: true) } } } }'],
    ['a fragment on another type', '{ list { edges { node { ... on Other { code } } } } }'],
    ['a nested field it cannot project', '{ list { edges { node { kids { name age } } } } }'],
    ['no node selected', '{ list { pageInfo { hasNextPage } } }'],
  ])('refuses %s (the caller takes its usual path)', (_, query) => {
    expect(sqlOf(query)).toBeNull();
  });
});
