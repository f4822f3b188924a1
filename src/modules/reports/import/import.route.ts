import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from '@nestjs/common';
import { AppError, ErrorCode, UserInputError } from '../../../common/errors/app-error';
import { HttpAccess } from '../../access/http-access';
import { csvLine, UTF8_BOM } from '../export/cells';
import { importDefinition, importEntities } from './import-registry';
import { ImportService } from './import.service';

/** Media types an upload may have; the body is streamed to the import, never buffered whole. */
const FILE_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

const logger = new Logger('Import');

/** A domain error as the client's to fix; anything else is logged and masked, like GraphQL's INTERNAL_SERVER_ERROR. */
function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof AppError) {
    return reply
      .code(error.getStatus())
      .send({ errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] });
  }
  logger.error({ err: error, requestId: request.id }, 'Unexpected error in an import');
  return reply.code(500).send({
    errors: [
      {
        message: 'Internal server error',
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: request.id },
      },
    ],
  });
}

/**
 * `POST /import/<entity>?parkCode=…&dryRun=true|false` with the file as the request body (CSV or XLSX), and
 * `GET /import/<entity>/template?lang=zh|en`, the header row to fill in. The caller needs the access rule of the
 * mutation the import stands for (HttpAccess). Content-type parsers live in this plugin only: /graphql still
 * refuses anything but JSON (document guard).
 */
export function registerImport(
  fastify: FastifyInstance,
  service: ImportService,
  access: HttpAccess,
  maxBytes: number,
): void {
  void fastify.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));

    scope.get('/import/:entity/template', async (request: FastifyRequest, reply: FastifyReply) => {
      const { entity } = request.params as { entity: string };
      const def = importDefinition(entity);
      if (!def)
        return reply
          .code(404)
          .send({ errors: [{ message: `No import for ${entity}`, extensions: { code: 'NOT_FOUND' } }] });
      const lang = (request.query as { lang?: string }).lang === 'en' ? 1 : 0;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${entity}-template.csv"`)
        .send(UTF8_BOM + csvLine(def.columns.map((c) => c.headers[lang] ?? c.headers[0])));
    });

    scope.post('/import/:entity', async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const { entity } = request.params as { entity: string };
        const def = importDefinition(entity);
        if (!def) throw UserInputError.field('entity', `must be one of ${importEntities().join(', ')}`);
        const actor = await access.require(request.headers.authorization, def.operation, request.id);
        const query = request.query as { parkCode?: string; dryRun?: string };
        if (!query.parkCode) throw UserInputError.field('parkCode', 'is required');
        const dryRun = query.dryRun === 'true' || query.dryRun === '1';
        if (!FILE_TYPES.includes((request.headers['content-type'] ?? '').split(';')[0].trim()))
          throw UserInputError.field('file', `must be sent as one of ${FILE_TYPES.join(', ')}`);
        const result = await service.run(
          actor,
          def,
          query.parkCode,
          request.body as Readable,
          dryRun,
          maxBytes,
        );
        return reply.code(result.errors.length > 0 ? 400 : 200).send(result);
      } catch (error) {
        // Drain what is left of the upload so the connection can answer.
        (request.body as Readable | undefined)?.resume?.();
        return sendError(request, reply, error);
      }
    });
  });
}
