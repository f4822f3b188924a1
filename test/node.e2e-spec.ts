import { dataOf, errorOf, factories, fieldsOf } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('global ids and node', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refetches a unit by its global id, on the first and on later (compiled) sends', async () => {
    const { units } = await factories(t).space(2);
    for (let i = 0; i < 5; i++) {
      const res = await t.gql<{ node: { __typename: string; id: string; code: string } }>(
        'query($id: ID!) { node(id: $id) { __typename id ... on Unit { code } } }',
        { id: units[0]!.id },
      );
      expect(dataOf(res).node).toEqual({ __typename: 'Unit', id: units[0]!.id, code: units[0]!.code });
    }
  });

  it('refuses an id of the wrong type with BAD_USER_INPUT naming the field', async () => {
    const { units } = await factories(t).space(1);
    const res = await t.gql('query($id: ID!) { enterprise(id: $id) { id } }', { id: units[0]!.id });
    expect(fieldsOf(errorOf(res, 'BAD_USER_INPUT'))).toEqual([
      { field: 'id', message: 'id must be an Enterprise id, not a Unit id' },
    ]);
  });
});
