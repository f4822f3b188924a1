import type { FastifyInstance } from 'fastify';
import { LimitCode } from './limit-errors';

/** Why a batch of `operations` is refused, or undefined when it may run. */
export function batchRefusal(
  operations: number,
  maxBatch: number,
): { code: string; message: string } | undefined {
  if (maxBatch <= 1) {
    return {
      code: LimitCode.BATCH_LIMIT_EXCEEDED,
      message: `Batched requests are not accepted: the request holds ${operations} operations and the limit is 1 (GRAPHQL_MAX_BATCH); send one operation per request`,
    };
  }
  if (operations > maxBatch) {
    return {
      code: LimitCode.BATCH_LIMIT_EXCEEDED,
      message: `Batch of ${operations} operations exceeds the limit of ${maxBatch} (GRAPHQL_MAX_BATCH)`,
    };
  }
  if (operations === 0)
    return { code: 'BAD_REQUEST', message: 'A batched request must hold at least one operation' };
  return undefined;
}

/**
 * At most GRAPHQL_MAX_BATCH operations per HTTP request. A JSON array body is a Mercurius batch (accepted only when
 * the limit is above 1); one over the limit is refused with 400 before any of its operations is parsed. Without this,
 * Mercurius would answer an array with a JSON-schema message ("body must be object") that does not say why.
 */
export function registerBatchLimit(fastify: FastifyInstance, path: string, maxBatch: number): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || !Array.isArray(request.body)) return;
    if (request.url.split('?')[0] !== path) return;
    const operations = request.body.length;
    const refusal = batchRefusal(operations, maxBatch);
    if (!refusal) return;
    return reply.code(400).send({
      data: null,
      errors: [
        {
          message: refusal.message,
          extensions: { code: refusal.code, limit: maxBatch, actual: operations, requestId: request.id },
        },
      ],
    });
  });
}
