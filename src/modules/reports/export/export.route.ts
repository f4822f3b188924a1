import { PassThrough } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Cell } from './cells';
import { findFirstList, flattenRow, ListLocation, nextCursor, rowsAt } from './flatten';
import { CONTENT_TYPES, SheetFormat, sheetWriter } from './sheet-writer';

const logger = new Logger('Export');

/** Request headers passed on to the GraphQL request (who is asking, in which language). */
const PASSED_HEADERS = ['authorization', 'x-api-key', 'accept-language', 'x-request-id'];

interface GraphQLAnswer {
  status: number;
  body: { data?: Record<string, never> | null; errors?: unknown[] };
}

/**
 * `POST /export?format=csv|xlsx` with `{ query, variables }`: runs the query through `/graphql` itself (same auth,
 * access rules, masking of personal data, limits, document guard, error codes), flattens the first list of the
 * answer into rows (a connection's edges: one row per node; nested objects: dotted columns) and streams them. When
 * that list is a connection with `pageInfo { hasNextPage endCursor }` and the operation declares `$after`, it asks
 * for the next page until the end or `maxRows`, so memory holds one page at a time.
 */
export function registerExport(fastify: FastifyInstance, graphqlPath: string, maxRows: number): void {
  fastify.post('/export', async (request: FastifyRequest, reply: FastifyReply) => {
    const format = (request.query as Record<string, string | undefined>).format ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx') {
      return reply.code(400).send({
        errors: [{ message: 'format must be csv or xlsx', extensions: { code: 'BAD_USER_INPUT' } }],
      });
    }
    const body = (request.body ?? {}) as { query?: unknown; variables?: unknown; operationName?: unknown };
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const h of PASSED_HEADERS) {
      const v = request.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const ask = async (variables: unknown): Promise<GraphQLAnswer> => {
      const res = await fastify.inject({
        method: 'POST',
        url: graphqlPath,
        headers,
        payload: JSON.stringify({ query: body.query, variables, operationName: body.operationName }),
      });
      return { status: res.statusCode, body: res.json() };
    };

    const first = await ask(body.variables);
    // Anything the GraphQL request refused or failed is answered as /graphql answered it, before any row is sent.
    if (first.body.errors?.length || !first.body.data) return reply.code(first.status).send(first.body);
    const loc = findFirstList(first.body.data);
    if (!loc) {
      return reply.code(400).send({
        errors: [{ message: 'The answer holds no list to export', extensions: { code: 'BAD_USER_INPUT' } }],
      });
    }
    const pages = typeof body.query === 'string' && /\$after\s*:/.test(body.query);
    const out = new PassThrough();
    void reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="export.${format}"`)
      .send(out);
    streamRows(out, format, first.body.data, loc, maxRows, pages ? ask : null, body.variables).catch(
      (error: unknown) => {
        logger.warn(`Export stopped: ${(error as Error).message}`);
        out.destroy(error as Error);
      },
    );
    return reply;
  });
}

async function streamRows(
  out: PassThrough,
  format: SheetFormat,
  firstData: Record<string, never>,
  loc: ListLocation,
  maxRows: number,
  ask: ((variables: unknown) => Promise<GraphQLAnswer>) | null,
  variables: unknown,
): Promise<void> {
  const writer = sheetWriter(format, out);
  let columns: string[] | null = null;
  let written = 0;
  let data: Record<string, never> | null = firstData;
  while (data) {
    const rows = rowsAt(data, loc).map((r) => flattenRow(r));
    // Columns: those of the first page's rows, in the order of the selection.
    if (!columns) {
      columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      await writer.row(columns);
    }
    for (const r of rows) {
      if (written >= maxRows) break;
      await writer.row(columns.map((c): Cell => r[c] ?? null));
      written++;
    }
    const cursor = written < maxRows && ask ? nextCursor(data, loc) : null;
    if (!cursor || !ask) break;
    const next = await ask({ ...(variables ?? {}), after: cursor });
    if (next.body.errors?.length || !next.body.data) throw new Error(`page after ${written} rows failed`);
    data = next.body.data;
  }
  await writer.end();
}
