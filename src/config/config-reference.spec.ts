import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { AppConfig, CONFIG_KEYS } from './app-config';

const root = join(__dirname, '..', '..');
const readRootFile = (name: string): string => readFileSync(join(root, name), 'utf8');

/** Every variable the config class validates, read from its decorators: a new property is seen without edits here. */
function configClassVariables(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}

/** The variables of the README's "Configuration" table (first column, in backticks). */
function readmeConfigVariables(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Configuration'));
  if (!section) return [];
  const names = [...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

/** The variables `.env.example` mentions, set or commented out (`# NAME=…`). */
function envExampleVariables(text: string): string[] {
  const names = [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

describe('configuration reference', () => {
  const variables = configClassVariables();

  it('reads the variables from the config class', () => {
    // Guards the reader above: if it found nothing, every comparison below would pass vacuously.
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'JWT_SECRET', 'LOG_FORMAT']));
  });

  it('loads every variable the config class declares (CONFIG_KEYS)', () => {
    expect([...CONFIG_KEYS].sort()).toEqual(variables);
  });

  it('lists every variable in the README table, and no other', () => {
    expect(readmeConfigVariables(readRootFile('README.md'))).toEqual(variables);
  });

  it('describes every variable in .env.example, and no other', () => {
    expect(envExampleVariables(readRootFile('.env.example'))).toEqual(variables);
  });

  it('parses the table and the example file as written', () => {
    const readme =
      '# x\n## Configuration\n\n| variable | default |\n| --- | --- |\n| `A_B` | 1 |\n## Next\n| `C` | 2 |\n';
    expect(readmeConfigVariables(readme)).toEqual(['A_B']);
    expect(envExampleVariables('# comment\nA=1\n# B=2\n#C=\n# not a variable: D\n')).toEqual(['A', 'B', 'C']);
  });
});
