import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Identity } from '../identity/identity.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who called: set by the `AccessGuard` on every route that needs a key. */
    identity?: Identity;
  }
}

/** The caller's identity, resolved by the `AccessGuard`. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): Identity => {
  const identity = context.switchToHttp().getRequest<FastifyRequest>().identity;
  if (!identity) throw new Error('@Actor() on a route without @Roles(): the AccessGuard resolved no identity');
  return identity;
});
