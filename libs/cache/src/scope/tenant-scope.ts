import { createHash } from 'node:crypto';
import type { CacheScope } from '@helix/config';

/** Who a request belongs to (the proto `Tenant`, without its wire type). */
export interface TenantRef {
  orgId: string;
  teamId: string;
  userId?: string;
  keyId: string;
}

/** A tenant scope: the unit of isolation, eviction and stats. Its id is a hash, so keys stay short and Cluster-safe. */
export interface ScopeInfo {
  /** 16 hex chars of SHA-256 over the label: the Redis hash tag of every key of the scope. */
  id: string;
  /** `team:<org>/<team>`, `org:<org>` or `key:<org>/<key>`. */
  label: string;
  orgId: string;
  /** Empty for an org scope. */
  teamId: string;
  /** Empty unless the scope is `key`. */
  keyId: string;
}

/** The scope a request may read and write, from its tenant and the configured scope kind. */
export function scopeOf(tenant: TenantRef, kind: CacheScope): ScopeInfo {
  const { orgId, teamId, keyId } = tenant;
  if (kind === 'org') return scope(`org:${orgId}`, orgId, '', '');
  if (kind === 'key') return scope(`key:${orgId}/${keyId}`, orgId, teamId, keyId);
  return scope(`team:${orgId}/${teamId}`, orgId, teamId, '');
}

function scope(label: string, orgId: string, teamId: string, keyId: string): ScopeInfo {
  return { id: createHash('sha256').update(label).digest('hex').slice(0, 16), label, orgId, teamId, keyId };
}

/**
 * The semantic partition of an entry: the gateway's context partition bound to
 * the scope and the embedder, so vectors of two tenants or two embedders are
 * never compared.
 */
export function semanticPartition(scopeId: string, partitionKey: string, embedderId: string): string {
  return createHash('sha256').update(`${scopeId}\n${partitionKey}\n${embedderId}`).digest('hex').slice(0, 32);
}
