import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

/**
 * A TypeORM logger that counts the statements sent to PostgreSQL (transaction control excluded), so tests can prove
 * that a request's statement count depends on its depth, not on the length of its lists.
 */
export class QueryCounter extends AbstractLogger {
  count = 0;
  readonly statements: string[] = [];

  override logQuery(query: string): void {
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(query.trim())) return;
    this.count++;
    this.statements.push(query);
  }

  protected writeLog(
    _level: LogLevel,
    _message: LogMessage | LogMessage[],
    _queryRunner?: QueryRunner,
  ): void {}

  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }

  /** Runs `fn` and returns how many statements it caused. */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
    this.reset();
    const result = await fn();
    return { result, count: this.count, statements: [...this.statements] };
  }
}
