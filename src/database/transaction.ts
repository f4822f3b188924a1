import { Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError } from '../common/errors/app-error';
import { PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE, pgError } from '../common/errors/pg-errors';

const logger = new Logger('Transaction');

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface TransactionOptions {
  /** PostgreSQL's default (READ COMMITTED) unless set. */
  isolation?: IsolationLevel;
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** Upper bound of the first backoff in ms; doubled on each retry, with full jitter (default 15). */
  backoffMs?: number;
}

/** True for a rollback that PostgreSQL asks the client to retry: serialization failure (40001) or deadlock (40P01). */
export function isRetryable(error: unknown): boolean {
  const { code } = pgError(error);
  return code === PG_SERIALIZATION_FAILURE || code === PG_DEADLOCK_DETECTED;
}

/** The answer when every try was rolled back by a concurrent transaction: nothing was written. */
export class ConcurrentWriteError extends ConflictError {
  constructor(attempts: number) {
    super(
      `Concurrent changes to the same records kept interrupting this request (${attempts} tries); nothing was saved. Try again.`,
      { reason: 'CONCURRENT_WRITES', retryable: true },
    );
  }
}

/**
 * Runs `work` in one transaction, and runs the whole transaction again (a bounded number of times, after a short
 * jittered pause) when PostgreSQL rolls it back with a serialization failure or a deadlock. Every write of every
 * service goes through here (a unit test checks that nothing else in src/ opens a transaction), so that no
 * concurrency failure reaches a client as INTERNAL_SERVER_ERROR: when the tries run out the caller gets CONFLICT.
 *
 * `work` may run more than once: it must not have effects outside the transaction (no counters, no messages sent),
 * which is why only the database is touched inside it. Domain errors and every other database error pass through
 * untouched on the first try.
 */
export async function inTransaction<T>(
  db: DataSource,
  work: (m: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? 15;
  for (let attempt = 1; ; attempt++) {
    try {
      return await (options.isolation ? db.transaction(options.isolation, work) : db.transaction(work));
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= attempts) {
        logger.warn(`Gave up after ${attempt} tries: ${pgError(error).code} ${(error as Error).message}`);
        throw new ConcurrentWriteError(attempt);
      }
      await sleep(Math.random() * backoffMs * 2 ** (attempt - 1));
    }
  }
}
