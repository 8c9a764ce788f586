import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Errors } from '@helix/contracts';
import { callerOf, PUBLIC_METADATA, ROLES_METADATA, setCaller, type Caller } from './caller.js';
import { IdentityVerifier } from './identity-verifier.js';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** `Authorization: Bearer <key>`, else `x-api-key`. */
function presentedKey(req: FastifyRequest): string | undefined {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const auth = header('authorization');
  return (auth ? BEARER.exec(auth)?.[1] : undefined) ?? (header('x-api-key')?.trim() || undefined);
}

/**
 * The guard of every analytics route (`@UseGuards` on each controller). When a
 * global guard of the same process already resolved the key (the gateway's
 * `AccessGuard` in the standalone process), it only checks the role; alone, in
 * the analytics-service, it resolves the key by asking the gateway. Either way a
 * route without `helix:roles` (or `helix:public`) is refused.
 */
@Injectable()
export class AnalyticsAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(IdentityVerifier) private readonly verifier: IdentityVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_METADATA, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Caller['role'][] | undefined>(ROLES_METADATA, targets);
    if (!roles) throw Errors.forbidden('This route is not open to any key.');
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = callerOf(req) ?? (await this.verifier.verify(presentedKey(req)));
    if (!roles.includes(caller.role)) throw Errors.forbidden(`This route needs a key with the role ${roles.join(' or ')}; yours is ${caller.role}.`);
    setCaller(req, caller);
    return true;
  }
}
