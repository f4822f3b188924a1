import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_ERROR_CODES } from './error-formatter';

describe('README error reference', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const errors = readme.split(/^### /m).find((s) => s.startsWith('Errors')) ?? '';

  it('names every extensions.code a client can receive', () => {
    expect(CLIENT_ERROR_CODES).toEqual(
      expect.arrayContaining([
        'BAD_USER_INPUT',
        'BAD_REQUEST',
        'GRAPHQL_VALIDATION_FAILED',
        'COST_LIMIT_EXCEEDED',
      ]),
    );
    const missing = CLIENT_ERROR_CODES.filter((code) => !errors.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
