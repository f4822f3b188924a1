/**
 * The ```graphql blocks of a Markdown text, in order, each with the line it starts on (README examples: run by
 * test/readme.e2e-spec.ts, compiled for Relay by src/graphql/node/relay-compiler.spec.ts, registered for locked mode
 * by persisted-documents.ts).
 */
export function graphqlBlocks(markdown: string): { line: number; source: string }[] {
  const blocks: { line: number; source: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```graphql') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    blocks.push({ line: start + 1, source: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}
