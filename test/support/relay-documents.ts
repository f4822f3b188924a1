import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DefinitionNode,
  DocumentNode,
  getNamedType,
  GraphQLSchema,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * Client documents for the Relay compiler (src/graphql/node/relay-compiler.spec.ts): one TypeScript module per
 * document, each definition in its own graphql`` tag, named as Relay demands: operations
 * `<Module><Name>Query|Mutation|Subscription`, fragments `<Module>_<name>`, where Module is the file's name.
 */
export interface RelayModule {
  module: string;
  definitions: string[];
}

const SUFFIX: Record<OperationTypeNode, string> = {
  query: 'Query',
  mutation: 'Mutation',
  subscription: 'Subscription',
};

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * `source` under Relay's names for module `module`: an operation `Units` (or anonymous) of a block becomes
 * `<module>UnitsQuery` (`<module>Query`), a fragment `Entry` becomes `<module>_Entry`, and its spreads follow. One
 * more Relay rule: a spread of a fragment on a narrower type than the field's abstract type (`node { ...Entry }` with
 * Entry on AuditEntry) must carry `@alias` (Relay then exposes it as a nullable property; other clients need
 * nothing). Nothing else changes: the README's selections are what Relay checks.
 */
export function relayModule(module: string, source: string, schema: GraphQLSchema): RelayModule {
  const document: DocumentNode = parse(source);
  const fragmentTypes = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.typeCondition.name.value] as const] : [],
    ),
  );
  const fragmentName = (name: string) => `${module}_${name}`;
  const typeInfo = new TypeInfo(schema);
  const renamed = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        const suffix = SUFFIX[node.operation];
        const own = (node.name?.value ?? '').replace(new RegExp(`${suffix}$`), '');
        return { ...node, name: { kind: Kind.NAME, value: `${module}${capitalize(own)}${suffix}` } };
      },
      FragmentDefinition(node) {
        return { ...node, name: { kind: Kind.NAME, value: fragmentName(node.name.value) } };
      },
      FragmentSpread(node) {
        const parent = typeInfo.getParentType();
        const narrower =
          parent !== null && isAbstractType(parent) && fragmentTypes.get(node.name.value) !== parent.name;
        const alias = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'alias' } } as const;
        return {
          ...node,
          name: { kind: Kind.NAME, value: fragmentName(node.name.value) },
          directives: narrower ? [...(node.directives ?? []), alias] : node.directives,
        };
      },
    }),
  );
  return { module, definitions: renamed.definitions.map((d: DefinitionNode) => print(d)) };
}

/**
 * One refetchable fragment per object type that implements Node, read from the schema (a new Node type is covered
 * without editing anything): `id` and up to `fields` scalar or enum fields that take no required argument.
 */
export function refetchableModules(schema: GraphQLSchema, fields = 3): RelayModule[] {
  const node = schema.getType('Node');
  if (!node || !isInterfaceType(node)) return [];
  return [...schema.getPossibleTypes(node)]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((type) => {
      const module = `Refetch${type.name}`;
      const scalars = Object.values(type.getFields())
        .filter((f) => f.name !== 'id' && isLeafType(getNamedType(f.type)))
        .filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
        .map((f) => f.name)
        .sort()
        .slice(0, fields);
      const fragment = `fragment ${module}_node on ${type.name} @refetchable(queryName: "${module}Query") {
  id
${scalars.map((f) => `  ${f}`).join('\n')}
}`;
      return { module, definitions: [fragment] };
    });
}

/** Writes each module as `<dir>/<module>.ts`, every definition in a graphql`` tag as Relay finds them. */
export function writeRelayModules(dir: string, modules: RelayModule[]): void {
  mkdirSync(dir, { recursive: true });
  for (const { module, definitions } of modules) {
    const tags = definitions.map((d) => `graphql\`\n${d.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}\n\``);
    const text = `import { graphql } from 'relay-runtime';\n\nexport const documents = [\n${tags.join(',\n')},\n];\n`;
    writeFileSync(join(dir, `${module}.ts`), text);
  }
}

/** A terminal colour code: NO_COLOR turns them off; stripped anyway so that a failure message stays readable. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** What the compiler answered: its exit code and everything it printed, without colours. */
export interface RelayResult {
  status: number | null;
  output: string;
}

/**
 * Runs the Relay compiler of node_modules (relay-compiler ships its binary; its cli.js picks the one of this
 * platform) over `<root>/src` against `schema`, writing artifacts to `<root>/__generated__`. No watchman.
 */
export function runRelayCompiler(root: string, schema: string): RelayResult {
  const artifacts = join(root, '__generated__');
  mkdirSync(artifacts, { recursive: true });
  const config = join(root, 'relay.config.json');
  writeFileSync(
    config,
    JSON.stringify({ src: './src', schema, language: 'typescript', artifactDirectory: './__generated__' }),
  );
  const run = spawnSync(process.execPath, [require.resolve('relay-compiler/cli.js'), config], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_NO_WATCHMAN: '1' },
    timeout: 120_000,
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
  return { status: run.status, output: output.replace(ANSI_COLOUR, '') };
}

/** The operation text of artifact `name` the compiler wrote under `<root>/__generated__` (what a Relay client sends). */
export function relayOperationText(root: string, name: string): string {
  const artifact = readFileSync(join(root, '__generated__', `${name}.graphql.ts`), 'utf8');
  const text = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact)?.[1];
  if (!text) throw new Error(`no operation text in the artifact of ${name}`);
  return JSON.parse(text) as string;
}
