import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../common/errors/app-error';
import { ConcurrentWriteError, inTransaction } from './transaction';

/** A pg error as TypeORM wraps it (QueryFailedError keeps the driver error). */
const pg = (code: string) => Object.assign(new Error(`pg ${code}`), { driverError: { code } });

/** A DataSource whose transaction() fails with the given errors, then runs the work. */
function fakeDb(failures: Error[]) {
  const calls: unknown[][] = [];
  const db = {
    transaction: (...args: unknown[]) => {
      calls.push(args);
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      const work = args[args.length - 1] as (m: EntityManager) => Promise<unknown>;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { db, calls };
}

describe('inTransaction', () => {
  it('runs the whole transaction again after a deadlock or a serialization failure', async () => {
    const { db, calls } = fakeDb([pg('40P01'), pg('40001'), pg('40P01')]);
    await expect(inTransaction(db, () => Promise.resolve('done'), { backoffMs: 1 })).resolves.toBe('done');
    expect(calls).toHaveLength(4);
  });

  it('answers CONFLICT (not a 500) once the tries run out', async () => {
    const { db, calls } = fakeDb([pg('40P01'), pg('40P01'), pg('40P01')]);
    const run = inTransaction(db, () => Promise.resolve('never'), { attempts: 3, backoffMs: 1 });
    await expect(run).rejects.toBeInstanceOf(ConcurrentWriteError);
    await expect(run).rejects.toBeInstanceOf(ConflictError);
    expect(calls).toHaveLength(3);
  });

  it('passes other errors through on the first try', async () => {
    for (const error of [pg('23P01'), pg('23505'), new NotFoundError('Unit', 'x'), new Error('boom')]) {
      const { db, calls } = fakeDb([error]);
      await expect(inTransaction(db, () => Promise.resolve(1), { backoffMs: 1 })).rejects.toBe(error);
      expect(calls).toHaveLength(1);
    }
  });

  it('passes the isolation level to TypeORM', async () => {
    const { db, calls } = fakeDb([]);
    await inTransaction(db, () => Promise.resolve(1), { isolation: 'SERIALIZABLE' });
    expect(calls[0]![0]).toBe('SERIALIZABLE');
  });
});

describe('every transaction goes through inTransaction', () => {
  const root = join(__dirname, '..', '..');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  it('finds no other .transaction( call in src/ or scripts/', () => {
    const offenders = [...files(join(root, 'src')), ...files(join(root, 'scripts'))]
      .filter((f) => !f.endsWith('transaction.ts') && !f.endsWith('.spec.ts'))
      .filter((f) => /\.(transaction|startTransaction)\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
