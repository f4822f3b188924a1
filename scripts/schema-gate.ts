import { readFile } from 'node:fs/promises';
import { schemaGate } from '../src/graphql/schema-gate';

/**
 * `npm run check:schema-gate`: schema.gql against the last released schema (schema/released.gql, committed, so the
 * gate runs on a clean clone and in CI without git history). Fails on a breaking change that CHANGELOG.md does not
 * list under "## Unreleased" with a reason; prints dangerous changes. README "Versioning of the GraphQL API".
 */
async function main(): Promise<number> {
  const [released, current, changelog] = await Promise.all([
    readFile('schema/released.gql', 'utf8'),
    readFile('schema.gql', 'utf8'),
    readFile('CHANGELOG.md', 'utf8'),
  ]);
  const { allowed, unlisted, dangerous } = await schemaGate(released, current, changelog);
  for (const change of dangerous)
    console.log(`schema gate: dangerous: ${change.message} (${change.path ?? ''})`);
  for (const change of allowed)
    console.log(`schema gate: breaking, listed in CHANGELOG.md: ${change.path ?? ''}`);
  for (const change of unlisted) {
    console.error(
      `schema gate: BREAKING change not listed in CHANGELOG.md "## Unreleased": ${change.message} ` +
        `(list \`${change.path ?? change.message}\` with a reason, or make the change additive)`,
    );
  }
  if (unlisted.length) return 1;
  console.log(`schema gate: no unlisted breaking change against schema/released.gql`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
