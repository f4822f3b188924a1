import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError, UserInputError } from '../../common/errors/app-error';
import { Actor, parkScope } from '../access/principal';
import type { LeaseUnitsInput } from './dto/tenancy.inputs';

/** A lease with its enterprise resolved to an id: what TenanciesService.lease works on. */
export type ResolvedLeaseInput = Omit<LeaseUnitsInput, 'enterpriseId' | 'enterpriseCreditCode'> & {
  enterpriseId: string;
};

/**
 * Natural keys of a lease (the enterprise's credit code) resolved to ids, as a step of its own before the lease
 * itself, so that the leasing transaction keeps working on ids. Units are already named by park code and unit code.
 * An enterprise outside the actor's parks is NOT_FOUND, as if it did not exist. Inside a transaction (an import),
 * pass its manager: the lookup then runs on that transaction's connection.
 */
@Injectable()
export class LeaseKeys {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async resolve(
    actor: Actor,
    input: LeaseUnitsInput,
    m: EntityManager = this.db.manager,
  ): Promise<ResolvedLeaseInput> {
    const { enterpriseId, enterpriseCreditCode, ...rest } = input;
    if (enterpriseId && enterpriseCreditCode) {
      throw UserInputError.field(
        'input.enterpriseCreditCode',
        'give enterpriseId or enterpriseCreditCode, not both',
      );
    }
    if (enterpriseId) return { ...rest, enterpriseId };
    if (!enterpriseCreditCode) {
      throw UserInputError.field('input.enterpriseId', 'give enterpriseId or enterpriseCreditCode');
    }
    const [row] = await m.query<{ id: string }[]>(
      `SELECT e.id FROM enterprise e JOIN park p ON p.id = e.park_id
       WHERE p.code = $1 AND e.credit_code = $2 AND ($3::uuid[] IS NULL OR p.id = ANY($3))`,
      [input.parkCode, enterpriseCreditCode, parkScope(actor)],
    );
    if (!row) throw new NotFoundError('Enterprise', `${input.parkCode}/${enterpriseCreditCode}`);
    return { ...rest, enterpriseId: row.id };
  }
}
