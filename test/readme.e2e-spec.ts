import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { graphqlBlocks } from '../scripts/markdown';
import { startTestApp, TestApp } from './support/test-app';

/** Root fields of a block's single operation, e.g. ["login"]. */
function rootFields(source: string): string[] {
  const op = parse(source).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return (op?.selectionSet.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
}

/** An answer that shows nothing: null, an empty list, or a connection without edges. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && 'edges' in value) return isEmpty((value as { edges: unknown }).edges);
  return false;
}

describe('README examples run as written, in order, as the signed-in demo admin', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const blocks = graphqlBlocks(readme);
  const signIn = blocks.find((b) => rootFields(b.source).includes('login'));
  const examples = blocks.filter((b) => b !== signIn);
  let t: TestApp;
  let authorization: string;

  beforeAll(async () => {
    t = await startTestApp();
    // A fresh demo database, with the demo users, as `npm start` makes it.
    expect(await seedDemoIfEmpty(t.dataSource, { users: true })).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds the sign-in block and the examples', () => {
    expect(signIn).toBeDefined();
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it('signs in with the README sign-in block, as written', async () => {
    const res = await t.gql<{ login: { accessToken: string } }>(signIn!.source, undefined, {
      authorization: '',
    });
    expect(res.errors).toBeUndefined();
    authorization = `Bearer ${res.data!.login.accessToken}`;
  });

  it('has nothing for a reader to fill in', () => {
    for (const block of examples) {
      expect({
        line: block.line,
        placeholder: /…|\.\.\.(?![A-Za-z_])|<[a-z]+>|\$[A-Za-z]/.test(block.source),
      }).toEqual({ line: block.line, placeholder: false });
    }
  });

  it('runs every other block in order: no errors, and each answer shows something', async () => {
    expect(authorization).toBeDefined();
    for (const block of examples) {
      const res = await t.gql<Record<string, unknown>>(block.source, undefined, { authorization });
      // The README line in the failure message points at the broken example.
      expect({ line: block.line, status: res.status, errors: res.errors }).toEqual({
        line: block.line,
        status: 200,
        errors: undefined,
      });
      for (const field of rootFields(block.source)) {
        expect({ line: block.line, field, empty: isEmpty(res.data?.[field]) }).toEqual({
          line: block.line,
          field,
          empty: false,
        });
      }
    }
  });

  it('reads blocks as the README writes them', () => {
    const md =
      'text\n```graphql\n{ a }\n```\n\n```bash\nnpm test\n```\n  ```graphql\nmutation { b }\n  ```\n';
    expect(graphqlBlocks(md)).toEqual([
      { line: 3, source: '{ a }' },
      { line: 10, source: 'mutation { b }' },
    ]);
  });
});
