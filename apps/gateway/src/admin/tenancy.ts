import { Errors } from '@helix/contracts';
import type { Identity } from '../identity/identity.js';

/** What an admin caller may see and change: everything (master), one org (admin) or one team (team-admin). */
export interface Scope {
  orgId?: string;
  teamId?: string;
}

/** Who owns an entity. */
export interface Owner {
  orgId: string;
  teamId: string | null;
}

export function scopeOf(actor: Identity): Scope {
  if (actor.master) return {};
  if (actor.role === 'admin') return { orgId: actor.orgId };
  if (actor.role === 'team-admin') return { orgId: actor.orgId, teamId: actor.teamId };
  throw Errors.forbidden(`A key with the role ${actor.role} cannot use the admin API.`);
}

export function inScope(scope: Scope, owner: Owner): boolean {
  if (scope.orgId !== undefined && owner.orgId !== scope.orgId) return false;
  return scope.teamId === undefined || owner.teamId === scope.teamId;
}

export function requireMaster(actor: Identity, what: string): void {
  if (!actor.master) throw Errors.forbidden(`Only the master key can ${what}.`);
}

export function requireAdmin(actor: Identity, what: string): void {
  if (actor.role !== 'admin') throw Errors.forbidden(`Only an admin key can ${what}.`);
}
