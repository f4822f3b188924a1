import type { SecurityHeadersOptions } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';

/** @fastify/cors options, as `app.enableCors()` takes them (the package comes with @nestjs/platform-fastify). */
export type CorsOptions = NonNullable<Parameters<NestFastifyApplication['enableCors']>[0]>;

/**
 * Security headers for every response (`app.useSecurityHeaders()`, helmet 8's set built into Nest 12): nosniff,
 * `X-Frame-Options: DENY` and CSP `frame-ancestors 'none'`, `Referrer-Policy: no-referrer`, a strict CSP
 * (`default-src 'self'`, scripts only from this origin), and HSTS in production, where the API sits behind TLS.
 * `upgrade-insecure-requests` is left out outside production: it would send the dev GraphiQL page's asset requests to
 * https://localhost, which does not answer.
 */
export function securityHeadersOptions(config: Pick<AppConfig, 'isProduction'>): SecurityHeadersOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.isProduction ? true : null,
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
}

/** CORS_ORIGINS parsed: undefined when CORS is off, `'*'`, or the exact origins allowed. */
export function corsOrigins(config: Pick<AppConfig, 'CORS_ORIGINS'>): '*' | string[] | undefined {
  const raw = config.CORS_ORIGINS?.trim();
  if (!raw) return undefined;
  if (raw === '*') return '*';
  return raw
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/**
 * CORS for the GraphQL endpoint only, and only when CORS_ORIGINS is set: exactly those origins (or any, with `*`),
 * GET and POST, the headers a GraphQL client sends, no credentials (tokens travel in Authorization, not cookies).
 * Every other path, and every origin not listed, gets no CORS headers, so browsers keep the same-origin policy.
 */
export function corsOptions(config: Pick<AppConfig, 'CORS_ORIGINS'>, path: string): CorsOptions | undefined {
  const origins = corsOrigins(config);
  if (!origins) return undefined;
  const open: CorsOptions = {
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
    exposedHeaders: ['X-Request-Id'],
    credentials: false,
    maxAge: 600,
  };
  const closed: CorsOptions = { origin: false };
  return {
    delegator: async (request: FastifyRequest) => (request.url.split('?')[0] === path ? open : closed),
  };
}
