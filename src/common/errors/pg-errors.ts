/** PostgreSQL SQLSTATE codes the services translate into client errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_CHECK_VIOLATION = '23514';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  driverError?: PgErrorLike;
}

/** The SQLSTATE and constraint of a pg error, also when TypeORM wrapped it in a QueryFailedError. */
export function pgError(error: unknown): { code?: string; constraint?: string } {
  const e = error as PgErrorLike | undefined;
  return { code: e?.driverError?.code ?? e?.code, constraint: e?.driverError?.constraint ?? e?.constraint };
}

/** Transaction rollbacks that a retry of the whole transaction can cure. */
export const PG_SERIALIZATION_FAILURE = '40001';
export const PG_DEADLOCK_DETECTED = '40P01';
