import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * A TypeORM logger that counts the statements sent to PostgreSQL (transaction control excluded), so tests can prove
 * that a request's statement count depends on its depth, not on the length of its lists.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;
  readonly statements: string[] = [];
  /** The parameters of each statement, in the same order (for a test that EXPLAINs a statement as it was sent). */
  readonly parameters: (unknown[] | undefined)[] = [];

  override logQuery(query: string, parameters?: unknown[]): void {
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(query.trim())) return;
    this.count++;
    this.statements.push(query);
    this.parameters.push(parameters);
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | LogMessage[],
    _queryRunner?: QueryRunner,
  ): void {}

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
    this.parameters.length = 0;
  }

  /** Runs `fn` and returns how many statements it caused. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
    this.reset();
    const result = await fn();
    return { result, count: this.count, statements: [...this.statements] };
  }
}
