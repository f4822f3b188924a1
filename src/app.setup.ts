import type { IncomingMessage } from 'node:http';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, AppModuleOptions } from './app.module';
import { createValidationPipe } from './common/errors/validation';
import { requestIdFor } from './common/request-id';
import { registerGraphiQL } from './graphql/graphiql.route';
import { registerGraphQLHttpFixes } from './graphql/http-fixes';

/** Builds the Fastify adapter; request ids come from `requestIdFor` so logs and GraphQL errors agree. */
export function createAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });
}

/** Everything that makes the app this app; used by main.ts and by every e2e test. */
export async function configureApp(app: NestFastifyApplication, options: AppModuleOptions): Promise<void> {
  app.useLogger(app.get(Logger));
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
  if (!options.config.isProduction) registerGraphiQL(fastify);
  await app.init();
}

/** Creates, configures and initialises the application (not yet listening). */
export async function createApp(options: AppModuleOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), createAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    await configureApp(app, options);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
