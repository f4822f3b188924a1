import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphqlBlocks } from '../scripts/markdown';
import { CONSOLE_DOCUMENTS, consoleDocuments, registeredDocuments } from '../scripts/persisted-documents';
import { documentHash } from '../src/graphql/persisted-queries';
import { seedDemoIfEmpty } from '../src/seed/demo-seed';
import { codes, persisted, persistedRequests } from './support/persisted';
import { startTestApp, TestApp } from './support/test-app';

const ROOT = join(__dirname, '..');

describe('locked mode (GRAPHQL_PERSISTED_ONLY): only documents registered at build time run', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const generated = readFileSync(join(ROOT, CONSOLE_DOCUMENTS), 'utf8');
  const signIn = graphqlBlocks(readme).find((b) => /^mutation \{\s+login\(/.test(b.source))!.source;
  const consoleParks = consoleDocuments(generated).find((d) => d.startsWith('query ConsoleParks'))!;
  /** Registered too (the test's own file): priced by its variables, to show the limits still apply. */
  const UNITS =
    'query Units($n: Int) { units(first: $n) { edges { node { code zone { units(first: $n) { edges { node { code } } } } } } } }';
  let dir: string;
  let t: TestApp;

  const { post, get } = persistedRequests(() => t);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'persisted-only-'));
    const file = join(dir, 'persisted-documents.json');
    const documents = { ...registeredDocuments(readme, generated), [documentHash(UNITS)]: UNITS };
    writeFileSync(file, JSON.stringify(documents));
    t = await startTestApp({
      GRAPHQL_PERSISTED_ONLY: 'true',
      GRAPHQL_PERSISTED_FILE: file,
      GRAPHQL_MAX_COST: '2000',
    });
    expect(await seedDemoIfEmpty(t.dataSource, { users: true })).toBe(true);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers every README block and every console operation', () => {
    const documents = Object.values(registeredDocuments(readme, generated));
    expect(documents).toEqual(expect.arrayContaining([signIn, consoleParks]));
    expect(documents.length).toBe(graphqlBlocks(readme).length + consoleDocuments(generated).length);
    expect(consoleDocuments(generated).length).toBeGreaterThanOrEqual(10);
  });

  it("runs the README's sign-in as written and the console's parks query as it sends it, by text, hash and GET", async () => {
    const login = await post({ query: signIn }, '');
    expect({ status: login.status, errors: login.errors }).toEqual({ status: 200, errors: undefined });
    expect(login.data?.login).toEqual(expect.objectContaining({ accessToken: expect.any(String) }));
    const asText = await post({ query: consoleParks });
    expect({ status: asText.status, errors: asText.errors }).toEqual({ status: 200, errors: undefined });
    expect((asText.data?.parks as unknown[]).length).toBeGreaterThan(0);
    expect(await post({ extensions: persisted(consoleParks) })).toEqual(asText);
    expect(await get(consoleParks)).toEqual(asText);
  });

  it('refuses any other document, by text, hash or GET, with PERSISTED_QUERY_UNREGISTERED, on every send', async () => {
    const other = consoleParks.replace('code', 'code name');
    const mutation = 'mutation { createPark(input: { code: "locked-out", name: "Locked out" }) { id } }';
    for (let send = 0; send < 3; send++) {
      const answers = [
        await post({ query: other }),
        await post({ query: other, extensions: persisted(other) }),
        await post({ extensions: persisted(other) }),
        await get(other),
        await post({ query: mutation }),
        await post({
          extensions: { persistedQuery: { version: 2, sha256Hash: documentHash(consoleParks) } },
        }),
      ];
      expect(answers.map((a) => [a.status, codes(a)])).toEqual(
        answers.map(() => [400, ['PERSISTED_QUERY_UNREGISTERED']]),
      );
      expect(answers[0]!.errors![0]!.message).toContain('GRAPHQL_PERSISTED_ONLY');
    }
    expect(await t.sql(`SELECT 1 FROM park WHERE code = 'locked-out'`)).toEqual([]);
  });

  it('applies the limits to a registered document as to any other (cost with the variables of each send)', async () => {
    const small = await post({ query: UNITS, variables: { n: 2 } });
    expect(small.errors).toBeUndefined();
    for (let send = 0; send < 3; send++) {
      expect(codes(await post({ extensions: persisted(UNITS), variables: { n: 100 } }))).toEqual([
        'COST_LIMIT_EXCEEDED',
      ]);
      expect(codes(await get(UNITS, { n: 100 }))).toEqual(['COST_LIMIT_EXCEEDED']);
    }
  });
});
