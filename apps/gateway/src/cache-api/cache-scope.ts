import { Errors, type CacheFilter } from '@helix/contracts';
import { scopeOf } from '../admin/tenancy.js';
import type { Identity } from '../identity/identity.js';

const one = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');

/**
 * The filter of a cache admin call: what the caller asked for (org_id, team_id,
 * key_id, model, namespace, key), inside what the caller may reach. A team-admin
 * is pinned to its team, an admin to its org; asking for another is a 403.
 */
export function cacheFilter(actor: Identity, q: Record<string, unknown>): Omit<CacheFilter, '$typeName'> {
  const scope = scopeOf(actor);
  const asked = { orgId: one(q.org_id), teamId: one(q.team_id) };
  if (scope.orgId && asked.orgId && asked.orgId !== scope.orgId) throw Errors.forbidden('That org is outside your scope.');
  if (scope.teamId && asked.teamId && asked.teamId !== scope.teamId) throw Errors.forbidden('That team is outside your scope.');
  return {
    orgId: scope.orgId ?? asked.orgId,
    teamId: scope.teamId ?? asked.teamId,
    keyId: one(q.key_id),
    model: one(q.model),
    namespace: one(q.namespace),
    exactKey: one(q.key),
  };
}
