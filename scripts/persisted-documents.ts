import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DocumentNode, print } from 'graphql';
import { documentHash } from '../src/graphql/persisted-queries';
import { graphqlBlocks } from './markdown';

/** Where codegen writes the console's operations (npm run build:web). */
export const CONSOLE_DOCUMENTS = 'web/src/gql/graphql.ts';
/** The default GRAPHQL_PERSISTED_FILE. */
export const REGISTERED_DOCUMENTS = 'dist/persisted-documents.json';

/** A generated `export const XDocument = {…} as unknown as DocumentNode<…>;` line: the document as JSON. */
const GENERATED_DOCUMENT = /^export const \w+Document = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/**
 * The console's operations as it sends them: codegen's documents (`web/src/gql/graphql.ts`), printed as
 * graphql-request prints a document before sending it.
 */
export function consoleDocuments(generated: string): string[] {
  return [...generated.matchAll(GENERATED_DOCUMENT)].map((m) => print(JSON.parse(m[1]) as DocumentNode));
}

/**
 * The documents locked mode (GRAPHQL_PERSISTED_ONLY) runs, sha256 → text: every ```graphql block of the README as
 * written (a reader copies it unchanged) and every operation of the console.
 */
export function registeredDocuments(readme: string, generated: string): Record<string, string> {
  const texts = [...graphqlBlocks(readme).map((b) => b.source), ...consoleDocuments(generated)];
  return Object.fromEntries(texts.map((text) => [documentHash(text), text]));
}

/** `npm run build`, last step (after the console's codegen): writes dist/persisted-documents.json. */
function main(): number {
  if (!existsSync(CONSOLE_DOCUMENTS)) {
    console.error(
      `persisted documents: ${CONSOLE_DOCUMENTS} is missing: run npm run build (codegen makes it)`,
    );
    return 1;
  }
  const documents = registeredDocuments(
    readFileSync('README.md', 'utf8'),
    readFileSync(CONSOLE_DOCUMENTS, 'utf8'),
  );
  writeFileSync(REGISTERED_DOCUMENTS, `${JSON.stringify(documents, null, 1)}\n`);
  console.log(`persisted documents: ${Object.keys(documents).length} registered in ${REGISTERED_DOCUMENTS}`);
  return 0;
}

if (require.main === module) process.exitCode = main();
