import { uuidv7 } from '@helix/contracts';
import type { Identity, RateLimits } from '../../../apps/gateway/src/identity/identity.js';

/** A member key of its own fresh team, so each test has buckets of its own. */
export function member(keyLimits: RateLimits = {}, teamLimits: RateLimits = {}, teamId = uuidv7()): Identity {
  return {
    keyId: uuidv7(),
    userId: uuidv7(),
    teamId,
    orgId: uuidv7(),
    role: 'member',
    models: null,
    expiresAt: null,
    keyLimits,
    teamLimits,
    master: false,
  };
}
