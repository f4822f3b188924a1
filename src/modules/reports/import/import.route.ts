import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from '@nestjs/common';
import { AppError, ErrorCode, UserInputError } from '../../../common/errors/app-error';
import { HttpAccess } from '../../access/http-access';
import { csvLine, UTF8_BOM } from '../export/cells';
import { importDefinition, importEntities } from './import-registry';
import { ImportUploads } from './import-uploads';
import { ImportService } from './import.service';

/** Media types an upload may have; the body is streamed to the import, never buffered whole. */
const FILE_TYPES = [
  'text/csv',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  // What Excel on Windows gives a .csv file (browsers send it as the part's type).
  'application/vnd.ms-excel',
];

/** The operation whose rule lets a caller upload a file for importSpreadsheet (any import's writers). */
const UPLOAD_OPERATION = 'Mutation.importSpreadsheet';

/** Errors of @fastify/multipart (FST_…: too large, too many parts, not multipart) are the client's to fix. */
function clientError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('FST_'))
    return UserInputError.field('file', (error as Error).message);
  return error;
}

/**
 * The file of a request: the body itself (CSV/XLSX media types), or the one file part of a multipart/form-data body,
 * streamed (never buffered). Form fields sent before the file may give parkCode and dryRun too.
 */
async function fileOf(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ file: Readable; fields: Record<string, string> }> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const part = await request.file({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 12 } });
    if (!part) throw UserInputError.field('file', 'the form has no file part');
    const fields: Record<string, string> = {};
    for (const [name, field] of Object.entries(part.fields))
      if (field && !Array.isArray(field) && field.type === 'field') fields[name] = String(field.value);
    if (
      part.mimetype &&
      !FILE_TYPES.includes(part.mimetype.toLowerCase()) &&
      !part.mimetype.startsWith('text/')
    )
      throw UserInputError.field('file', `must be CSV or XLSX (the part was sent as ${part.mimetype})`);
    return { file: part.file, fields };
  }
  if (!FILE_TYPES.includes(type))
    throw UserInputError.field(
      'file',
      `must be sent as multipart/form-data or one of ${FILE_TYPES.join(', ')}`,
    );
  return { file: request.body as Readable, fields: {} };
}

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
 * `POST /import/<entity>?parkCode=…&dryRun=true|false` with the file as the request body (CSV or XLSX) or as the file
 * part of a multipart/form-data body; `POST /import/uploads` (step one of importSpreadsheet) keeps a file for the
 * GraphQL mutation and answers its upload id; and
 * `GET /import/<entity>/template?lang=zh|en`, the header row to fill in. The caller needs the access rule of the
 * mutation the import stands for (HttpAccess). Content-type parsers live in this plugin only: /graphql still
 * refuses anything but JSON (document guard).
 */
export function registerImport(
  fastify: FastifyInstance,
  service: ImportService,
  uploads: ImportUploads,
  access: HttpAccess,
  maxBytes: number,
): void {
  void fastify.register(async (scope) => {
    scope.addContentTypeParser(FILE_TYPES, (_request, payload, done) => done(null, payload));
    // Multipart is parsed in this plugin only (streamed, one file): /graphql still refuses it (document guard).
    await scope.register(fastifyMultipart, { limits: { fileSize: maxBytes + 1, files: 1 } });

    scope.post('/import/uploads', async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        const actor = await access.require(request.headers.authorization, UPLOAD_OPERATION, request.id);
        const { file } = await fileOf(request, maxBytes);
        const saved = await uploads.save(actor.principal, file, maxBytes).catch((e: unknown) => {
          throw clientError(e);
        });
        return reply.code(201).send(saved);
      } catch (error) {
        (request.body as Readable | undefined)?.resume?.();
        return sendError(request, reply, clientError(error));
      }
    });

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
        const { file, fields } = await fileOf(request, maxBytes);
        const query = { ...fields, ...(request.query as Record<string, string | undefined>) };
        if (!query.parkCode) throw UserInputError.field('parkCode', 'is required');
        const dryRun = query.dryRun === 'true' || query.dryRun === '1';
        const result = await service.run(actor, def, query.parkCode, file, dryRun, maxBytes);
        return reply.code(result.errors.length > 0 ? 400 : 200).send(result);
      } catch (error) {
        // Drain what is left of the upload so the connection can answer.
        (request.body as Readable | undefined)?.resume?.();
        return sendError(request, reply, clientError(error));
      }
    });
  });
}
