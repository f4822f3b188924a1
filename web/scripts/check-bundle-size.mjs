// Fails the build when the console's initial JavaScript (the entry and what it imports statically, gzipped) is over
// budget. Pages are separate chunks loaded on navigation and are reported, not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 500 * 1024;
const dir = join(import.meta.dirname, '..', '..', 'dist', 'console');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map(
  (m) => m[1],
);
if (!initial.length) throw new Error('no script found in dist/console/index.html');
const gz = (file) => gzipSync(readFileSync(join(dir, file))).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const total = initial.reduce((sum, file) => sum + gz(file), 0);
const lazy = readdirSync(join(dir, 'assets'))
  .filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`))
  .map((f) => [f, gz(`assets/${f}`)])
  .sort((a, b) => b[1] - a[1]);
console.log(`console initial JS: ${kb(total)} gzipped (budget ${kb(BUDGET)}): ${initial.join(', ')}`);
console.log(`lazy chunks: ${lazy.map(([f, n]) => `${f} ${kb(n)}`).join(', ')}`);
if (total > BUDGET) {
  console.error(`console initial JS over budget: ${kb(total)} > ${kb(BUDGET)}`);
  process.exit(1);
}
