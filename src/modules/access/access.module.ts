import { Global, Module, OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '../../graphql/node/node-registry';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AccessResolver } from './access.resolver';
import { AccessService } from './access.service';
import { Authenticator } from './authenticator';
import { HttpAccess } from './http-access';
import { PrincipalCache } from './principal-cache';

/** Accounts, API keys, the access guard on every operation, and the audit trail. */
@Global()
@Module({
  providers: [
    Authenticator,
    PrincipalCache,
    AccessService,
    AccessResolver,
    HttpAccess,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [Authenticator, AccessService, PrincipalCache, HttpAccess],
})
export class AccessModule implements OnModuleInit {
  constructor(
    private readonly access: AccessService,
    private readonly nodes: NodeRegistry,
  ) {}

  onModuleInit(): void {
    this.access.registerNodes(this.nodes);
  }
}
