import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse, print, visit } from 'graphql';
import { graphqlBlocks } from '../../../scripts/markdown';
import {
  refetchableModules,
  relayModule,
  RelayModule,
  runRelayCompiler,
  writeRelayModules,
} from '../../../test/support/relay-documents';

/**
 * The official Relay compiler over client documents against schema.gql: every ```graphql block of the README, and a
 * refetchable fragment per type that implements Node (which needs `Node`, `node(id:)` and `id: ID!` as Relay expects
 * them). A failure prints the compiler's own message with the offending document.
 */
const ROOT = join(__dirname, '..', '..', '..');
const SCHEMA = join(ROOT, 'schema.gql');

describe('Relay compiler', () => {
  const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
  const readme = graphqlBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((b) =>
    relayModule(`Readme${b.line}`, b.source, schema),
  );
  const refetchable = refetchableModules(schema);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'relay-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function compile(modules: RelayModule[], schemaPath = SCHEMA) {
    writeRelayModules(join(dir, 'src'), modules);
    return runRelayCompiler(dir, schemaPath);
  }

  it('compiles every README example and a refetchable fragment per Node type against schema.gql', () => {
    expect(readme.length).toBeGreaterThanOrEqual(40);
    expect(refetchable.length).toBeGreaterThanOrEqual(31);
    const result = compile([...readme, ...refetchable]);
    expect(result).toEqual({ status: 0, output: expect.stringContaining('Compilation completed') });
    // The compiler saw the documents: it wrote the refetch query of every Node type and every README operation.
    const artifacts = [
      ...refetchable.map((m) => `${m.module}Query`),
      ...readme.flatMap((m) => m.definitions.flatMap((d) => /^(?:query|mutation) (\w+)/.exec(d)?.[1] ?? [])),
    ];
    expect(artifacts.filter((name) => !existsSync(join(dir, '__generated__', `${name}.graphql.ts`)))).toEqual(
      [],
    );
  });

  it('fails on a schema whose Query has no node(id:) field, naming it', () => {
    const withoutNode = visit(parse(readFileSync(SCHEMA, 'utf8')), {
      ObjectTypeDefinition(node) {
        if (node.name.value !== 'Query') return undefined;
        return { ...node, fields: node.fields?.filter((f) => f.name.value !== 'node') };
      },
    });
    const broken = join(dir, 'broken.gql');
    writeFileSync(broken, print(withoutNode));
    const result = compile(refetchable.slice(0, 1), broken);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('has a `node(id: ID): Node` field on the query type');
  });

  it('fails on a fragment selecting a field its type does not have, naming the field', () => {
    const result = compile([
      relayModule(
        'Broken',
        'fragment unit on Unit @refetchable(queryName: "BrokenQuery") { id nope }',
        schema,
      ),
    ]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('The type `Unit` has no field `nope`');
  });

  it('names documents as Relay demands: <Module><Name>Query, <Module>_<fragment>, spreads renamed and aliased', () => {
    const module = relayModule(
      'Readme12',
      'query UnitsQuery { node(id: "x") { ...Row } } mutation { login(username: "a", password: "b") { accessToken } } fragment Row on Unit { id }',
      schema,
    );
    expect(
      module.definitions.map((d) =>
        d
          .split(/[({\s]/)
          .slice(0, 2)
          .join(' '),
      ),
    ).toEqual(['query Readme12UnitsQuery', 'mutation Readme12Mutation', 'fragment Readme12_Row']);
    expect(module.definitions[0]).toContain('...Readme12_Row @alias');
  });
});
