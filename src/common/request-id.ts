import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const ACCEPTED = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * One id per HTTP request: the caller's `X-Request-Id` when it looks sane, a new UUID otherwise. Fastify, the pino
 * request log and GraphQL errors (`extensions.requestId`) all use this same value.
 */
export function requestIdFor(req: IncomingMessage): string {
  const existing = (req as IncomingMessage & { requestId?: string }).requestId;
  if (existing) return existing;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && ACCEPTED.test(header) ? header : randomUUID();
  (req as IncomingMessage & { requestId?: string }).requestId = id;
  return id;
}
