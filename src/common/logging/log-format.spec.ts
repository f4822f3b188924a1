import { chooseLogFormat, logSink } from './log-sink';
import { formatPretty } from './pretty-format';

describe('log format', () => {
  it('is pretty on a terminal outside production, JSON otherwise, unless LOG_FORMAT says', () => {
    expect(chooseLogFormat({ isProduction: false }, true)).toBe('pretty');
    expect(chooseLogFormat({ isProduction: false }, false)).toBe('json');
    expect(chooseLogFormat({ isProduction: true }, true)).toBe('json');
    expect(chooseLogFormat({ isProduction: true, LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(chooseLogFormat({ isProduction: false, LOG_FORMAT: 'json' }, true)).toBe('json');
  });

  it('prints a line a person reads: time, level, context, message, fields, stack', () => {
    const time = new Date(2024, 1, 1, 9, 5, 7).getTime();
    expect(
      formatPretty({ level: 30, time, pid: 1, hostname: 'h', context: 'HTTP', msg: 'done', statusCode: 200 }),
    ).toBe('09:05:07 INFO  [HTTP] done statusCode=200');
    const line = formatPretty({ level: 50, time, err: { message: 'bad', stack: 'Error: bad\n    at x' } });
    expect(line).toBe('09:05:07 ERROR bad\n    Error: bad\n        at x');
  });

  it('captures lines instead of printing them while a test asks', () => {
    const capture = logSink.capture();
    logSink.write(JSON.stringify({ level: 50, msg: 'expected failure' }) + '\n');
    expect(capture.stop()).toEqual([{ level: 50, msg: 'expected failure' }]);
  });
});
