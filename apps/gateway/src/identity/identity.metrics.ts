import { metrics } from '@helix/telemetry';

/** Why a request was refused by authentication or access control. */
export type AuthFailureReason = 'missing' | 'unknown' | 'revoked' | 'expired' | 'model' | 'role';

export const authFailures = metrics.counter(
  'helix_auth_failures_total',
  'Requests refused by authentication or access control, by reason.',
  ['reason'],
);

export const identityCacheLookups = metrics.counter(
  'helix_identity_cache_lookups_total',
  'Identity lookups in the in-process cache, by result (hit or miss).',
  ['result'],
);
