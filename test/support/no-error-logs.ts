import { logSink } from '../../src/common/logging/log-sink';

/**
 * Every e2e file: an error-level log line that no test captured fails the file. A test that expects an error wraps
 * it in captureLogs() (test/support/logs.ts) and asserts on it, so a passing run prints no error lines.
 */
afterAll(() => {
  const errors = logSink.uncapturedErrors.splice(0);
  expect(errors.map((e) => `${e.context ?? ''}: ${e.msg ?? ''}`)).toEqual([]);
});
