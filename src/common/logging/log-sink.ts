import { formatPretty } from './pretty-format';

export type LogFormat = 'pretty' | 'json';

/** One pino line as parsed JSON. */
export interface LogEntry {
  level: number;
  time?: number;
  msg?: string;
  context?: string;
  [key: string]: unknown;
}

/** pino's numeric levels. */
export const LOG_LEVEL_VALUES = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/**
 * Where every pino line of the process goes: stdout as JSON (production, pipes), stdout as readable lines (a
 * terminal, or LOG_FORMAT=pretty), or, while a test captures, into memory. One sink for the process, because
 * nestjs-pino keeps one root logger per process; the sink, not the logger, decides where lines go.
 */
class LogSink {
  format: LogFormat = 'json';
  colors = false;
  private captures: LogEntry[][] = [];
  /** Error-level lines written while nobody captured them (the e2e suite fails on any, see test/support). */
  readonly uncapturedErrors: LogEntry[] = [];

  /** pino's destination interface: called with one serialised line. */
  write(line: string): void {
    const capture = this.captures[this.captures.length - 1];
    if (capture) {
      capture.push(JSON.parse(line) as LogEntry);
      return;
    }
    if (/"level":(5\d|6\d)[,}]/.test(line)) this.uncapturedErrors.push(JSON.parse(line) as LogEntry);
    if (this.format === 'json') {
      process.stdout.write(line);
      return;
    }
    let entry: LogEntry;
    try {
      entry = JSON.parse(line) as LogEntry;
    } catch {
      process.stdout.write(line);
      return;
    }
    process.stdout.write(formatPretty(entry, this.colors) + '\n');
  }

  /** Collects the lines written until `stop()` instead of printing them (tests that expect errors). */
  capture(): { entries: LogEntry[]; stop: () => LogEntry[] } {
    const entries: LogEntry[] = [];
    this.captures.push(entries);
    return {
      entries,
      stop: () => {
        this.captures = this.captures.filter((c) => c !== entries);
        return entries;
      },
    };
  }
}

export const logSink = new LogSink();

/** LOG_FORMAT when set; otherwise readable lines on a terminal outside production, JSON everywhere else. */
export function chooseLogFormat(
  config: { LOG_FORMAT?: LogFormat; isProduction: boolean },
  isTTY: boolean = process.stdout.isTTY === true,
): LogFormat {
  if (config.LOG_FORMAT) return config.LOG_FORMAT;
  return isTTY && !config.isProduction ? 'pretty' : 'json';
}
