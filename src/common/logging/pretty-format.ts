import type { LogEntry } from './log-sink';

const LEVELS: Record<number, { name: string; color: string }> = {
  10: { name: 'TRACE', color: '\x1b[90m' },
  20: { name: 'DEBUG', color: '\x1b[36m' },
  30: { name: 'INFO ', color: '\x1b[32m' },
  40: { name: 'WARN ', color: '\x1b[33m' },
  50: { name: 'ERROR', color: '\x1b[31m' },
  60: { name: 'FATAL', color: '\x1b[35m' },
};
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
/** pino's bookkeeping keys, shown elsewhere in the line or not at all. */
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'err', 'error', 'stack']);

function clock(time: number | undefined): string {
  const d = new Date(time ?? Date.now());
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function value(v: unknown): string {
  if (typeof v === 'string') return /\s/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v);
}

/**
 * One pino entry as a line a person reads: `12:03:04 INFO  [Context] message key=value`, then an error's stack
 * indented below. Multi-line messages (the start-up block) are printed as they are.
 */
export function formatPretty(entry: LogEntry, colors = false): string {
  const level = LEVELS[entry.level] ?? { name: String(entry.level), color: '' };
  const paint = (color: string, text: string): string => (colors ? `${color}${text}${RESET}` : text);
  const parts = [paint(DIM, clock(entry.time)), paint(level.color, level.name)];
  if (entry.context) parts.push(paint(DIM, `[${entry.context}]`));
  const err = (entry.err ?? entry.error) as { message?: string; stack?: string } | undefined;
  const message = entry.msg ?? err?.message ?? '';
  parts.push(message);
  const extras = Object.entries(entry)
    .filter(([key, v]) => !SKIP.has(key) && v !== undefined)
    .map(([key, v]) => `${key}=${value(v)}`);
  if (extras.length) parts.push(paint(DIM, extras.join(' ')));
  let line = parts.join(' ');
  const stack = err?.stack ?? (typeof entry.stack === 'string' ? entry.stack : undefined);
  if (stack) line += '\n' + stack.replace(/^/gm, '    ');
  return line;
}
