import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { persistedQueryDefaults, type PersistedQueryProvider } from 'mercurius';
import type { AppConfig } from '../config/app-config';

/** The sha256 (hex) of a document's text, as Apollo Client and urql send it in `extensions.persistedQuery`. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The `code` of the error locked mode throws (error-formatter.ts answers it as PERSISTED_QUERY_UNREGISTERED). */
export const NOT_REGISTERED = 'PERSISTED_QUERY_UNREGISTERED';

/** Thrown for a document locked mode does not know; a request error (400), never a server fault. */
class NotRegisteredError extends Error {
  readonly code = NOT_REGISTERED;
  readonly statusCode = 400;
}

/**
 * The registered documents of locked mode, from the file `npm run build` writes (scripts/persisted-documents.ts):
 * sha256 hex → text. Refuses to start on a missing, unreadable or empty file, or a hash that is not its text's.
 */
export function readRegisteredDocuments(path: string): Map<string, string> {
  const file = resolve(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `GRAPHQL_PERSISTED_ONLY is on but GRAPHQL_PERSISTED_FILE (${file}) cannot be read (run npm run build): ${(error as Error).message}`,
    );
  }
  const entries = parsed && typeof parsed === 'object' ? Object.entries(parsed) : [];
  const bad = entries.filter(([hash, text]) => typeof text !== 'string' || documentHash(text) !== hash);
  if (entries.length === 0 || bad.length > 0)
    throw new Error(
      `GRAPHQL_PERSISTED_FILE (${file}) must map the sha256 of each document to its text: ${entries.length === 0 ? 'no documents' : `wrong hash for ${bad.map(([h]) => h).join(', ')}`}`,
    );
  return new Map(entries as [string, string][]);
}

/** What Mercurius reads of a request to find its document (POST body or GET query string). */
interface PersistedRequest {
  query?: unknown;
  extensions?: { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | null;
}

/**
 * Locked mode: every request is a persisted one. Its document is named by its own text (the text's hash: the
 * console and README examples send their text unchanged) or, without text, by `extensions.persistedQuery`
 * (APQ, POST or GET); only a registered one runs, through the same limits and rules as any other.
 */
function registeredOnly(documents: ReadonlyMap<string, string>): PersistedQueryProvider {
  return {
    isPersistedQuery: () => true,
    // Nothing is registered at run time: no APQ retry (hash and text) saves a document.
    isPersistedQueryRetry: () => false,
    getHash: (request: PersistedRequest) => {
      if (typeof request.query === 'string') return documentHash(request.query);
      const persisted = request.extensions?.persistedQuery;
      return persisted?.version === 1 && typeof persisted.sha256Hash === 'string'
        ? persisted.sha256Hash
        : '-';
    },
    getQueryFromHash: async (hash: string) => {
      const text = documents.get(hash);
      if (text === undefined)
        throw new NotRegisteredError(
          'Only registered documents run on this server (GRAPHQL_PERSISTED_ONLY): this one is not registered',
        );
      return text;
    },
  };
}

/**
 * Mercurius's persisted-query options: locked mode (GRAPHQL_PERSISTED_ONLY) with the registered documents, else
 * automatic persisted queries (extensions.persistedQuery.sha256Hash, POST and GET; GRAPHQL_PERSISTED_QUERIES = 0: off).
 */
export function persistedQueryOptions(
  config: AppConfig,
): Pick<MercuriusDriverConfig, 'persistedQueryProvider'> {
  if (config.GRAPHQL_PERSISTED_ONLY)
    return {
      persistedQueryProvider: registeredOnly(readRegisteredDocuments(config.GRAPHQL_PERSISTED_FILE)),
    };
  if (config.GRAPHQL_PERSISTED_QUERIES > 0)
    return { persistedQueryProvider: persistedQueryDefaults.automatic(config.GRAPHQL_PERSISTED_QUERIES) };
  return {};
}
