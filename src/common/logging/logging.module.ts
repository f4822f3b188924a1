import { Module } from '@nestjs/common';
import { Logger, LoggerModule, Params, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { requestIdFor } from '../request-id';
import { chooseLogFormat, logSink } from './log-sink';
import { QuietFrameworkLogger } from './quiet-framework-logger';

/**
 * nestjs-pino's parameters: one pino logger writing to the process's log sink (JSON, readable lines, or a test's
 * capture). nestjs-pino keeps one root logger per process, built from whichever parameters come first: main.ts and the
 * app pass the same ones.
 */
export function loggerParams(config: Pick<AppConfig, 'LOG_LEVEL'>): Params {
  return {
    pinoHttp: [
      {
        level: config.LOG_LEVEL,
        genReqId: (req) => requestIdFor(req),
        // Request lines are written by configureApp's onResponse hook, for every route alike.
        autoLogging: false,
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
          }),
        },
      },
      logSink,
    ],
  };
}

/** Points the sink at the configured format (pretty on a terminal outside production, JSON otherwise). */
export function configureLogSink(config: Pick<AppConfig, 'LOG_FORMAT' | 'isProduction'>): void {
  logSink.format = chooseLogFormat(config);
  logSink.colors = logSink.format === 'pretty' && process.stdout.isTTY === true && !process.env.NO_COLOR;
}

/** A Nest logger for code that runs before the app exists (main.ts, scripts); same root logger as the app's. */
export function standaloneLogger(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT' | 'isProduction'>) {
  configureLogSink(config);
  const params = loggerParams(config);
  return new QuietFrameworkLogger(new Logger(new PinoLogger(params), params));
}

/** Structured logs (pino): one line per request carrying its request id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        configureLogSink(config);
        return loggerParams(config);
      },
    }),
  ],
})
export class LoggingModule {}
