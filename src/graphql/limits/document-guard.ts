import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LimitCode } from './limit-errors';

/** Media types of a POST body that is executed; anything else (forms, multipart, text/plain) is refused with 415. */
export const GRAPHQL_MEDIA_TYPES = ['application/json', 'application/graphql-response+json'] as const;

/**
 * Deepest nesting of `{`, `[` and `(` in a document, counted outside strings and comments; stops counting as soon
 * as it passes `limit` (so a huge document costs one pass over its characters at most, and no recursion).
 */
export function documentNesting(source: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return max;
}

/** Why a document must not be parsed, or undefined. */
export function documentRefusal(
  query: unknown,
  maxNesting: number,
):
  { status: number; code: string; message: string; numbers?: { limit: number; actual: number } } | undefined {
  if (typeof query !== 'string') {
    return {
      status: 400,
      code: 'BAD_REQUEST',
      message: `The "query" parameter must be a string holding a GraphQL document, got ${query === null ? 'null' : Array.isArray(query) ? 'an array' : typeof query}`,
    };
  }
  const nesting = documentNesting(query, maxNesting);
  if (nesting > maxNesting) {
    return {
      status: 400,
      code: LimitCode.NESTING_LIMIT_EXCEEDED,
      message: `Document nesting exceeds the limit of ${maxNesting} (GRAPHQL_MAX_NESTING)`,
      numbers: { limit: maxNesting, actual: nesting },
    };
  }
  return undefined;
}

function refuse(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  more = {},
) {
  return reply.code(status).send({
    data: null,
    errors: [{ message, extensions: { code, ...more, requestId: request.id } }],
  });
}

/**
 * What the GraphQL route accepts before Mercurius sees it:
 * - POST bodies only as JSON (GRAPHQL_MEDIA_TYPES), checked before the body is read: a form a browser can send
 *   cross-site without a preflight (urlencoded, multipart, text/plain) is never parsed nor executed (415);
 * - `query` (POST body, each operation of a batch, or GET parameter) must be a string, and is not parsed when it
 *   nests deeper than GRAPHQL_MAX_NESTING: graphql-js's parser recurses, and ~2,000 levels overflow the stack.
 */
export function registerDocumentGuard(fastify: FastifyInstance, path: string, maxNesting: number): void {
  // Fastify parses application/json only; the GraphQL response type is JSON too.
  fastify.addContentTypeParser(
    'application/graphql-response+json',
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || request.url.split('?')[0] !== path) return;
    const mediaType = String(request.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if ((GRAPHQL_MEDIA_TYPES as readonly string[]).includes(mediaType)) return;
    return refuse(
      reply,
      request,
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Unsupported content type ${mediaType ? `"${mediaType}"` : '(none)'}: send the request as application/json`,
    );
  });
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.url.split('?')[0] !== path) return;
    const params = request.method === 'GET' ? request.query : request.body;
    for (const operation of Array.isArray(params) ? params : [params]) {
      if (!operation || typeof operation !== 'object' || !('query' in operation)) continue;
      const refusal = documentRefusal((operation as { query: unknown }).query, maxNesting);
      if (refusal)
        return refuse(reply, request, refusal.status, refusal.code, refusal.message, refusal.numbers);
    }
  });
}
