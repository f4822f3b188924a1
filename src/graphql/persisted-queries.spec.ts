import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentHash, readRegisteredDocuments } from './persisted-queries';

describe('registered documents of locked mode (GRAPHQL_PERSISTED_FILE)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registered-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (content: string) => {
    const path = join(dir, 'documents.json');
    writeFileSync(path, content);
    return path;
  };

  it('reads sha256 → text', () => {
    const text = '{ parks { code } }';
    expect(readRegisteredDocuments(file(JSON.stringify({ [documentHash(text)]: text })))).toEqual(
      new Map([[documentHash(text), text]]),
    );
  });

  it('refuses to start without the file, with no documents, or with a hash that is not of its text', () => {
    expect(() => readRegisteredDocuments(join(dir, 'missing.json'))).toThrow(
      /GRAPHQL_PERSISTED_ONLY is on but GRAPHQL_PERSISTED_FILE .* cannot be read \(run npm run build\)/,
    );
    expect(() => readRegisteredDocuments(file('{}'))).toThrow(/no documents/);
    expect(() => readRegisteredDocuments(file(JSON.stringify({ abc: '{ parks { code } }' })))).toThrow(
      /wrong hash for abc/,
    );
  });
});
