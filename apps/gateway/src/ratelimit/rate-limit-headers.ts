import type { Bucket } from './buckets.js';
import type { BucketReading } from './gcra.js';

/**
 * A duration the way OpenAI's `x-ratelimit-reset-*` headers write it (Go's
 * `time.Duration`): `20ms`, `1s`, `1.5s`, `6m0s`, `1h0m0s`.
 */
export function openaiDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms));
  if (total < 1_000) return total === 0 ? '0s' : `${total}ms`;
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const s = `${Number(((total % 60_000) / 1_000).toFixed(3))}s`;
  if (h > 0) return `${h}h${m}m${s}`;
  return m > 0 ? `${m}m${s}` : s;
}

/** Per kind (requests, tokens), the limit, remaining and reset of the tighter bucket: fewer remaining, then the lower limit. */
export function rateLimitHeaders(buckets: Bucket[], readings: BucketReading[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const kind of ['requests', 'tokens'] as const) {
    let tight = -1;
    buckets.forEach((b, i) => {
      if (b.kind !== kind) return;
      const r = readings[i]!;
      const t = readings[tight];
      if (!t || r.remaining < t.remaining || (r.remaining === t.remaining && b.limit < buckets[tight]!.limit)) tight = i;
    });
    if (tight === -1) continue;
    headers[`x-ratelimit-limit-${kind}`] = String(buckets[tight]!.limit);
    headers[`x-ratelimit-remaining-${kind}`] = String(Math.max(0, readings[tight]!.remaining));
    headers[`x-ratelimit-reset-${kind}`] = openaiDuration(readings[tight]!.resetMs);
  }
  return headers;
}
