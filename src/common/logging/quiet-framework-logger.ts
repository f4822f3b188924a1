import type { LoggerService } from '@nestjs/common';

/**
 * Nest's start-up chatter (one line per module, route and resolver, "successfully started" before the port is even
 * bound): logged at debug instead of info. The start-up block printed after listen (main.ts) says what matters.
 */
export const FRAMEWORK_CHATTER = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
  'GraphQLModule',
]);

/** Passes everything to `inner`, except framework chatter at `log` level, which becomes `debug`. */
export class QuietFrameworkLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params[params.length - 1];
    if (typeof context === 'string' && FRAMEWORK_CHATTER.has(context)) {
      this.inner.debug?.(message, ...params);
      return;
    }
    this.inner.log(message, ...params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // NestApplication logs a failed listen itself, then rejects; main.ts turns that into one clear line.
    const context = params[params.length - 1];
    if (
      context === 'NestApplication' &&
      typeof message === 'string' &&
      message.startsWith('Error: listen ')
    ) {
      this.inner.debug?.(message, ...params);
      return;
    }
    this.inner.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.inner.warn(message, ...params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.inner.debug?.(message, ...params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.inner.verbose?.(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...params);
  }
}
