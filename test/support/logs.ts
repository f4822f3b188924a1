import { LogEntry, LOG_LEVEL_VALUES, logSink } from '../../src/common/logging/log-sink';

/**
 * Runs `fn` with the app's log lines captured instead of printed, and returns them: for tests that provoke an error
 * on purpose and assert that it was logged (a passing suite prints no error lines).
 */
export async function captureLogs<T>(fn: () => Promise<T>): Promise<{ result: T; entries: LogEntry[] }> {
  const capture = logSink.capture();
  try {
    const result = await fn();
    return { result, entries: capture.entries };
  } finally {
    capture.stop();
  }
}

/** The error-level entries (error, fatal) among captured ones. */
export function errorEntries(entries: LogEntry[]): LogEntry[] {
  return entries.filter((e) => e.level >= LOG_LEVEL_VALUES.error);
}
