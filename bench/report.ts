import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from './load';
import { median } from './load';
import type { BenchOptions } from './options';
import type { Target } from './scenarios';

/** Everything measured for one scenario and one target, over all rounds. */
export interface Cell {
  scenario: string;
  title: string;
  target: Target;
  samples: Sample[];
  /** SQL statements per request (pg_stat_statements), and the statements themselves. */
  sqlPerRequest: number | null;
  statements: string[];
  /** Extra facts of the scenario (S5: answers by code, double-lets). */
  notes: string[];
}

export interface Results {
  startedAt: string;
  options: BenchOptions;
  machine: string;
  data: Record<string, number>;
  generateSeconds: number;
  cells: Cell[];
  /** RSS of each server after each round (MB): growth across rounds would show a leak. */
  rssAfterRounds: Partial<Record<Target, number[]>>;
  skipped: string[];
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : '—';

export function summary(cell: Cell) {
  const s = cell.samples;
  return {
    rps: median(s.map((x) => x.rps)),
    p50: median(s.map((x) => x.p50)),
    p90: median(s.map((x) => x.p90)),
    p99: median(s.map((x) => x.p99)),
    errors: s.reduce((a, x) => a + x.errors, 0),
    non2xx: s.reduce((a, x) => a + x.non2xx, 0),
    rssPeak: Math.max(...s.map((x) => x.rssPeakBytes)),
    cpuMs: median(s.map((x) => x.cpuMsPerRequest)),
    dbCpuMs: median(s.flatMap((x) => (x.dbCpuMsPerRequest === null ? [] : [x.dbCpuMsPerRequest]))),
  };
}

/** The Markdown table: medians over rounds, and this API's req/s as a ratio of each peer's. */
export function markdown(results: Results): string {
  const { options } = results;
  const lines = [
    `# Benchmark ${results.startedAt}`,
    '',
    `${options.mode} run${options.label ? ` — ${options.label}` : ''}: scale ${options.scale} (seed ${options.seed}; ` +
      `${Object.entries(results.data)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}; generated in ${results.generateSeconds.toFixed(1)} s), ${options.rounds} interleaved ` +
      `round(s) of ${options.duration} s after ${options.warmup} s of warm-up, ${options.connections} connections, ` +
      `pool ${options.poolSize} for every server. ${results.machine}`,
    '',
    'Numbers are medians over rounds. Absolute figures are noisy on a shared 2-core machine (other builds and tests ' +
      'ran at the same time); the rounds interleave the targets, so the ratios are the fair comparison. "Server CPU ms ' +
      'per request" is the user + system time of the server\'s own process during the load, divided by the requests ' +
      'it answered: what the server costs apart from PostgreSQL, and less sensitive to other load than req/s. ' +
      '"PostgreSQL CPU ms per request" is the same for every process of the database server: the two together are ' +
      'what one request costs the machine.',
    '',
    '| Scenario | Target | req/s | p50 ms | p90 ms | p99 ms | errors / non-2xx | SQL per request | server CPU ms per request | PostgreSQL CPU ms per request | RSS peak MB | API ÷ PostGraphile | API ÷ raw |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const scenarios = [...new Set(results.cells.map((c) => c.scenario))];
  for (const id of scenarios) {
    const cells = results.cells.filter((c) => c.scenario === id);
    const api = cells.find((c) => c.target === 'api');
    const apiRps = api ? summary(api).rps : NaN;
    for (const cell of cells) {
      const s = summary(cell);
      const ratio = (peer: Target) => {
        const other = cells.find((c) => c.target === peer);
        return cell.target === 'api' && other ? `${(apiRps / summary(other).rps).toFixed(2)}` : '';
      };
      lines.push(
        `| ${id} ${cell.target === 'api' ? cell.title : ''} | ${cell.target} | ${fmt(s.rps)} | ${fmt(s.p50)} | ${fmt(s.p90)} | ${fmt(s.p99)} | ` +
          `${s.errors} / ${s.non2xx} | ${cell.sqlPerRequest === null ? '—' : fmt(cell.sqlPerRequest, 1)} | ${fmt(s.cpuMs, 2)} | ${fmt(s.dbCpuMs, 2)} | ${mb(s.rssPeak)} | ${ratio('postgraphile')} | ${ratio('raw')} |`,
      );
    }
  }
  lines.push('', '## RSS after each round (MB)', '');
  for (const [target, values] of Object.entries(results.rssAfterRounds)) {
    lines.push(`- ${target}: ${values.map((v) => mb(v)).join(' → ')}`);
  }
  const notes = results.cells.filter((c) => c.notes.length);
  if (notes.length) {
    lines.push('', '## Notes', '');
    for (const c of notes) lines.push(`- ${c.scenario} ${c.target}: ${c.notes.join('; ')}`);
  }
  if (results.skipped.length) lines.push('', '## Left out', '', ...results.skipped.map((s) => `- ${s}`));
  lines.push('', '## SQL statements per request (pg_stat_statements, one probe)', '');
  for (const c of results.cells) {
    if (!c.statements.length) continue;
    lines.push(`- ${c.scenario} ${c.target}:`, ...c.statements.map((s) => `  - \`${s.replace(/`/g, "'")}\``));
  }
  return lines.join('\n') + '\n';
}

/** Writes bench/results/<timestamp>-<mode>.md and .json; returns the Markdown path. */
export function writeResults(dir: string, results: Results): string {
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:]/g, '').replace(/\..*$/, '');
  const base = join(dir, `${stamp}-${results.options.mode}`);
  writeFileSync(`${base}.md`, markdown(results));
  writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + '\n');
  return `${base}.md`;
}
