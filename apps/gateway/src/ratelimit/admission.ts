import type { Bucket } from './buckets.js';
import type { Verdict } from './gcra.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import type { Admission } from './rate-limiter.js';

export const UNLIMITED: Admission = Object.freeze({ allowed: true, retryAfterS: 0, headers: {} });

/** The admission both limiters answer, from their verdict. */
export function admissionOf(buckets: Bucket[], costs: number[], verdict: Verdict): Admission {
  const headers = rateLimitHeaders(buckets, verdict.readings);
  if (verdict.allowed) return { allowed: true, retryAfterS: 0, headers };
  const b = buckets[verdict.refusedBy]!;
  const limitedBy = { scope: b.scope, kind: b.kind, limit: b.limit, requested: costs[verdict.refusedBy]! };
  return { allowed: false, retryAfterS: Math.ceil(verdict.waitMs / 1_000), headers, limitedBy, tooLarge: verdict.tooLarge };
}
