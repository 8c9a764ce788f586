import type { CacheFilter } from '@helix/contracts';
import type { ScopeInfo } from '../scope/tenant-scope.js';
import type { CacheStore } from '../store/cache-store.js';

/** The scopes a filter reaches: its org, team and key narrow; empty fields match all. */
export async function scopesMatching(store: CacheStore, f: CacheFilter | undefined): Promise<ScopeInfo[]> {
  return (await store.scopes()).filter(
    (s) => (!f?.orgId || s.orgId === f.orgId) && (!f?.teamId || s.teamId === f.teamId) && (!f?.keyId || s.keyId === f.keyId),
  );
}
