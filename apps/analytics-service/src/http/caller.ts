import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Scope } from '@helix/analytics';

/** Who calls the analytics API: the fields of the gateway's identity analytics reads. */
export interface Caller {
  keyId: string;
  userId: string;
  teamId: string;
  orgId: string;
  role: 'admin' | 'team-admin' | 'member' | 'analyst';
  /** The bootstrap master key: an admin outside any org. */
  master: boolean;
}

/**
 * The gateway's access-metadata keys, by value (apps do not import each other):
 * in the standalone process the gateway's global guard reads them, and in the
 * analytics-service alone `AnalyticsAccessGuard` does.
 */
export const ROLES_METADATA = 'helix:roles';
export const PUBLIC_METADATA = 'helix:public';

/** Roles that may read analytics. A team-admin sees only its own team. */
export const ANALYTICS_ROLES: Caller['role'][] = ['admin', 'analyst', 'team-admin'];
export const AnalyticsReaders = () => SetMetadata(ROLES_METADATA, ANALYTICS_ROLES);
export const PublicRoute = () => SetMetadata(PUBLIC_METADATA, true);

/** Where the resolved caller lives on a request (set by whichever guard resolved the key). */
export const callerOf = (req: FastifyRequest): Caller | undefined => (req as unknown as { identity?: Caller }).identity;
export const setCaller = (req: FastifyRequest, caller: Caller): void => void ((req as unknown as { identity?: Caller }).identity = caller);

/** The caller of a guarded route. */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = callerOf(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!caller) throw new Error('@CurrentCaller() on a route no guard resolved a key for');
  return caller;
});

/** What a caller may read: all orgs (master), its org (admin, analyst) or its team (team-admin). */
export function scopeOf(c: Caller): Scope {
  if (c.master) return {};
  return c.role === 'team-admin' ? { orgId: c.orgId, teamId: c.teamId } : { orgId: c.orgId };
}
