import type { LoggerService } from '@nestjs/common';
import { QuietFrameworkLogger } from './quiet-framework-logger';

function recorder(): { calls: [string, unknown[]][]; logger: LoggerService } {
  const calls: [string, unknown[]][] = [];
  const at =
    (level: string) =>
    (...args: unknown[]): void => {
      calls.push([level, args]);
    };
  return {
    calls,
    logger: {
      log: at('log'),
      error: at('error'),
      warn: at('warn'),
      debug: at('debug'),
      verbose: at('verbose'),
    },
  };
}

describe('QuietFrameworkLogger', () => {
  it("demotes Nest's module and route chatter to debug and passes everything else through", () => {
    const { calls, logger } = recorder();
    const quiet = new QuietFrameworkLogger(logger);
    quiet.log('AppModule dependencies initialized', 'InstanceLoader');
    quiet.log('Nest application successfully started', 'NestApplication');
    quiet.log('Demo park loaded', 'DemoSeed');
    quiet.warn('careful', 'Main');
    quiet.error('Error: listen EADDRINUSE: address already in use 127.0.0.1:3000', 'NestApplication');
    quiet.error('boom', 'stack', 'GraphQLErrors');
    expect(calls).toEqual([
      ['debug', ['AppModule dependencies initialized', 'InstanceLoader']],
      ['debug', ['Nest application successfully started', 'NestApplication']],
      ['log', ['Demo park loaded', 'DemoSeed']],
      ['warn', ['careful', 'Main']],
      ['debug', ['Error: listen EADDRINUSE: address already in use 127.0.0.1:3000', 'NestApplication']],
      ['error', ['boom', 'stack', 'GraphQLErrors']],
    ]);
  });
});
