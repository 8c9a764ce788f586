import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Errors } from '@helix/contracts';
import { LOGGER, type Logger } from '@helix/telemetry';
import type { Role } from '../identity/identity.js';
import { authFailures } from '../identity/identity.metrics.js';
import { IdentityService } from '../identity/identity.service.js';
import { PUBLIC_METADATA, ROLES_METADATA } from './access.metadata.js';
import { headerReader, presentedKey } from './presented-key.js';

/**
 * The one global guard of HTTP routes. `@Public()` routes pass; `@Roles(...)` routes
 * need a key with one of the roles (401 without a valid key, 403 with another role);
 * a route with neither is refused (fail closed). Bus handlers are not HTTP and pass:
 * they trust the bus.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identities: IdentityService,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_METADATA, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);
    if (!roles) {
      this.log.error({ controller: context.getClass().name, handler: context.getHandler().name }, 'route has neither @Roles nor @Public: refused');
      throw Errors.forbidden('This route is not open to any key.');
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const identity = await this.identities.authenticate(presentedKey(headerReader(request.headers)));
    if (!roles.includes(identity.role)) {
      authFailures.inc({ reason: 'role' });
      throw Errors.forbidden(`This route needs a key with the role ${roles.join(' or ')}; yours is ${identity.role}.`);
    }
    request.identity = identity;
    return true;
  }
}
