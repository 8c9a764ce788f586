import type { RateLimitsConfig } from '@helix/config';
import type { Identity } from '../identity/identity.js';
import type { LimitKind, LimitScope } from './rate-limiter.js';

/** One per-minute limit that applies to a request. */
export interface Bucket {
  scope: LimitScope;
  kind: LimitKind;
  limit: number;
  /** Storage key: `<prefix>rl:{<teamId>}:…`; the hash tag keeps one request's keys in one Redis Cluster slot. */
  key: string;
}

/**
 * The limits of a caller: the key's and the team's own `rpm`/`tpm`, else the
 * configured defaults; unset everywhere = unlimited. The master key is never limited.
 */
export function bucketsOf(identity: Identity, defaults: RateLimitsConfig, prefix: string): Bucket[] {
  if (identity.master) return [];
  const base = `${prefix}rl:{${identity.teamId}}:`;
  const candidates: [LimitScope, LimitKind, number | null | undefined, string][] = [
    ['key', 'requests', identity.keyLimits.rpm ?? defaults.keyRpm, `key:${identity.keyId}:rpm`],
    ['key', 'tokens', identity.keyLimits.tpm ?? defaults.keyTpm, `key:${identity.keyId}:tpm`],
    ['team', 'requests', identity.teamLimits.rpm ?? defaults.teamRpm, 'team:rpm'],
    ['team', 'tokens', identity.teamLimits.tpm ?? defaults.teamTpm, 'team:tpm'],
  ];
  return candidates
    .filter((c): c is [LimitScope, LimitKind, number, string] => typeof c[2] === 'number' && c[2] > 0)
    .map(([scope, kind, limit, suffix]) => ({ scope, kind, limit, key: base + suffix }));
}

/** What a request costs in a bucket: one request, or its tokens. */
export function costIn(bucket: Bucket, tokens: number): number {
  return bucket.kind === 'requests' ? 1 : Math.max(0, Math.ceil(tokens));
}
