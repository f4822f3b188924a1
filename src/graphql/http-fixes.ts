import type { FastifyInstance } from 'fastify';

/**
 * GraphQL-over-HTTP: a request body with `"extensions": null` (or null variables/operationName) MUST be accepted;
 * Mercurius's body schema rejects it, so such nulls are dropped before validation.
 */
export function registerGraphQLHttpFixes(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    if (request.url.split('?')[0] !== '/graphql' || request.method !== 'POST') return;
    const body = request.body as Record<string, unknown> | null;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return;
    for (const key of ['extensions', 'variables', 'operationName'] as const) {
      if (body[key] === null) delete body[key];
    }
  });
}
