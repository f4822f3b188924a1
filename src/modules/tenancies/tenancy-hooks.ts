import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Work another module does in the transaction that changed a tenancy's stage dates (e.g. regenerate rent bills). */
export type TenancyChangeHook = (m: EntityManager, tenancyId: string) => Promise<void>;

/**
 * Lets modules that depend on tenancies (contracts: the rent-free period starts at the FITTING_OUT date) follow
 * stage changes in the same transaction, without tenancies depending on them. Hooks run after the tenancy row is
 * written and locked, so they may lock their own rows next (tenancy before contract: one lock order).
 */
@Injectable()
export class TenancyHooks {
  private readonly hooks: TenancyChangeHook[] = [];

  register(hook: TenancyChangeHook): void {
    this.hooks.push(hook);
  }

  async run(m: EntityManager, tenancyId: string): Promise<void> {
    for (const hook of this.hooks) await hook(m, tenancyId);
  }
}
