import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestMemo } from '../common/request-memo';
import type { Authentication } from '../modules/access/authenticator';

/** Per-request loaders, keyed by the name their module registered them under. */
export type Loaders = Record<string, unknown>;

/** What every resolver gets as `@Context()`. Built once per request. */
export interface GraphQLContext {
  requestId: string;
  /**
   * The caller, resolved from the Authorization header by the access guard when the first operation runs (not in
   * the context factory: a request refused by validation or limits then costs no database round trip).
   */
  auth?: Authentication;
  authenticating?: Promise<Authentication>;
  request: FastifyRequest;
  reply: FastifyReply;
  loaders: Loaders;
  /** Reads shared by the fields of a query operation (request-memo.ts), made by the first field that needs it. */
  memo?: RequestMemo;
}

export type LoaderFactory = () => unknown;

/**
 * Domain modules register their DataLoader factories here at start-up; the GraphQL context calls each factory once
 * per request, so batching and caching never leak between requests or callers.
 */
@Injectable()
export class LoaderRegistry {
  private readonly factories = new Map<string, LoaderFactory>();

  register(name: string, factory: LoaderFactory): void {
    if (this.factories.has(name)) throw new Error(`Loader ${name} registered twice`);
    this.factories.set(name, factory);
  }

  create(): Loaders {
    const loaders: Loaders = {};
    for (const [name, factory] of this.factories) loaders[name] = factory();
    return loaders;
  }
}
