import type { IncomingMessage } from 'node:http';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import type { AppConfig } from './config/app-config';
import { QuietFrameworkLogger } from './common/logging/quiet-framework-logger';
import { createValidationPipe } from './common/errors/validation';
import { requestIdFor } from './common/request-id';
import { registerConsole } from './console/console.route';
import { registerFavicon } from './graphql/favicon.route';
import { registerGraphiQL } from './graphql/graphiql.route';
import { registerGraphQLHttpFixes } from './graphql/http-fixes';
import { registerBatchLimit } from './graphql/limits/batch-limit';
import { registerDocumentGuard } from './graphql/limits/document-guard';
import { corsOptions, securityHeadersOptions } from './graphql/limits/http-hardening';
import { HttpAccess } from './modules/access/http-access';
import { registerExport } from './modules/reports/export/export.route';
import { ImportService } from './modules/reports/import/import.service';
import { registerImport } from './modules/reports/import/import.route';
import { ImportUploads } from './modules/reports/import/import-uploads';

/** Where Mercurius serves GraphQL (the `path` option in graphql.module.ts). */
const GRAPHQL_PATH = '/graphql';

/**
 * Builds the Fastify adapter; request ids come from `requestIdFor` so logs and GraphQL errors agree. A body over
 * BODY_LIMIT_BYTES is refused with 413 while it streams in, before it is parsed.
 */
export function createAdapter(config: Pick<AppConfig, 'BODY_LIMIT_BYTES' | 'TRUST_PROXY'>): FastifyAdapter {
  return new FastifyAdapter({
    // request.ip from X-Forwarded-For only when configured: otherwise any client could pick its own address.
    trustProxy: config.TRUST_PROXY,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    requestIdHeader: false,
    bodyLimit: config.BODY_LIMIT_BYTES,
    return503OnClosing: true,
  });
}

/** Everything that makes the app this app; used by main.ts and by every e2e test. */
export async function configureApp(app: NestFastifyApplication, options: AppModuleOptions): Promise<void> {
  app.useLogger(new QuietFrameworkLogger(app.get(Logger)));
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // One structured line per request (GraphQL's route is Mercurius's own, outside Nest's middleware).
  const requestLog = new NestLogger('HTTP');
  fastify.addHook('onResponse', async (request, reply) => {
    requestLog.log({
      requestId: request.id,
      method: request.method,
      url: request.url.split('?')[0],
      statusCode: reply.statusCode,
      responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
    });
  });
  registerGraphQLHttpFixes(fastify);
  // Hardening (README "Hardening"): security headers on every response, CORS only when configured, batch limit.
  const { config } = options;
  app.useSecurityHeaders(securityHeadersOptions(config));
  const cors = corsOptions(config, GRAPHQL_PATH);
  if (cors) app.enableCors(cors);
  registerBatchLimit(fastify, GRAPHQL_PATH, config.GRAPHQL_MAX_BATCH);
  registerDocumentGuard(fastify, GRAPHQL_PATH, config.GRAPHQL_MAX_NESTING);
  registerFavicon(fastify);
  // Spreadsheet export: runs its query through GRAPHQL_PATH, so every rule of /graphql applies (README "Reports").
  registerExport(fastify, GRAPHQL_PATH, config.EXPORT_MAX_ROWS);
  registerImport(
    fastify,
    app.get(ImportService),
    app.get(ImportUploads),
    app.get(HttpAccess),
    config.IMPORT_MAX_BYTES,
  );
  if (!config.isProduction) registerGraphiQL(fastify);
  // The park console (web/, README "Console"): same origin, same sign-in, same headers.
  registerConsole(fastify);
  await app.init();
}

/** Creates, configures and initialises the application (not yet listening). */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    createAdapter(options.config),
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  try {
    await configureApp(app, options);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
