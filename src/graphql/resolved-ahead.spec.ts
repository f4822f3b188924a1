import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { aheadValue, answerReadAhead, withAhead } from './resolved-ahead';

function schemaWith(resolve: jest.Mock): GraphQLSchema {
  const Child = new GraphQLObjectType({
    name: 'Child',
    fields: {
      name: {
        type: GraphQLString,
        args: { lang: { type: GraphQLString } },
        resolve,
      },
    },
  });
  const Query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      ahead: { type: Child, resolve: () => withAhead({ id: 'a' }, { name: 'from the row' }) },
      plain: { type: Child, resolve: () => ({ id: 'p' }) },
    },
  });
  return answerReadAhead(new GraphQLSchema({ query: Query }));
}

describe('answerReadAhead', () => {
  it('answers a field from the value read ahead without calling its resolver', async () => {
    const resolve = jest.fn(() => 'from the resolver');
    const result = await graphql({
      schema: schemaWith(resolve),
      source: '{ ahead { name } plain { name } }',
    });
    expect(result).toEqual({
      data: { ahead: { name: 'from the row' }, plain: { name: 'from the resolver' } },
    });
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('calls the resolver when the field is asked with arguments', async () => {
    const resolve = jest.fn((_: unknown, args: { lang?: string }) => `resolved in ${args.lang}`);
    const result = await graphql({ schema: schemaWith(resolve), source: '{ ahead { name(lang: "zh") } }' });
    expect(result).toEqual({ data: { ahead: { name: 'resolved in zh' } } });
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('keeps earlier read-ahead values when more are added', () => {
    const target = withAhead(withAhead({}, { a: 1 }), { b: 2 });
    expect([aheadValue(target, 'a'), aheadValue(target, 'b'), aheadValue(target, 'toString')]).toEqual([
      1,
      2,
      undefined,
    ]);
  });
});
