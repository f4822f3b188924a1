import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType } from 'graphql';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium; .ci/run installs it): no browser is downloaded at install time. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of the browser tests (gitignored). */
export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'console');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No browser at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** Everything a page printed that the Content-Security-Policy refused (it should print nothing of the kind). */
export function watchCsp(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  page.on('pageerror', (error) => refused.push(`page error: ${error.message}`));
  return refused;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. The script is evaluated through the
 * DevTools protocol, which the page's CSP does not govern, so the page keeps its real CSP.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}: ` +
        (v.nodes[0]?.failureSummary ?? ''),
    );
}

/** Every enum value of the API (schema.gql): none should reach the screen as such, only its words. */
const ENUM_VALUES = new Set(
  Object.values(buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.gql'), 'utf8')).getTypeMap())
    .filter(isEnumType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => type.getValues().map((value) => value.name)),
);

/**
 * The API's enum constants (FITTING_OUT, ADMIN…) shown as text on the page instead of their translation. The API's own
 * error messages, shown as they come (in English, at the fields and in alerts), are left out.
 */
export async function rawEnumValues(page: Page): Promise<string[]> {
  // A string, run in the page: this file is compiled without the DOM's types.
  const text = await page.evaluate<string>(`(() => {
    const skip = 'script, style, .ant-form-item-explain, [role="alert"]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.parentElement || !node.parentElement.closest(skip)) parts.push(node.nodeValue);
    }
    return parts.join(' ');
  })()`);
  return [...new Set(text.match(/\b[A-Z][A-Z0-9_]+\b/g) ?? [])].filter((word) => ENUM_VALUES.has(word));
}
