import { createHash } from 'node:crypto';
import type { TestApp } from './test-app';

/** A GraphQL answer with its HTTP status. */
export interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The SHA-256 of a document's text, computed here apart from the server's own hashing (the protocol's hash). */
export const sha256 = (query: string) => createHash('sha256').update(query, 'utf8').digest('hex');

/** The `extensions` of a persisted-query request for `query` (Apollo's APQ protocol, version 1). */
export const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } });

/** The error codes of an answer. */
export const codes = (answer: Answer) => answer.errors?.map((e) => e.extensions?.code);

/**
 * Requests to /graphql of the app `app()` returns (read when a request is sent, so it may be started in beforeAll):
 * POST with any body (the hash alone, the text, or both), and GET with the hash in the query string, as a cache in
 * front would see it; both as the test admin unless another authorization is given.
 */
export function persistedRequests(app: () => TestApp) {
  const answer = (res: { statusCode: number; json<T>(): T }): Answer => ({
    status: res.statusCode,
    ...res.json<Omit<Answer, 'status'>>(),
  });
  return {
    async post(body: Record<string, unknown>, authorization = app().adminAuthorization): Promise<Answer> {
      return answer(
        await app().app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json', authorization },
          payload: JSON.stringify(body),
        }),
      );
    },
    async get(query: string, variables?: Record<string, unknown>): Promise<Answer> {
      const params = new URLSearchParams({ extensions: JSON.stringify(persisted(query)) });
      if (variables) params.set('variables', JSON.stringify(variables));
      return answer(
        await app().app.inject({
          method: 'GET',
          url: `/graphql?${params.toString()}`,
          headers: { authorization: app().adminAuthorization },
        }),
      );
    },
  };
}
