import { describe, expect, it } from 'vitest';
import type { Bucket } from './buckets.js';
import { openaiDuration, rateLimitHeaders } from './rate-limit-headers.js';

describe('openaiDuration', () => {
  it.each([
    [0, '0s'],
    [20, '20ms'],
    [999.2, '1s'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [12_000, '12s'],
    [60_000, '1m0s'],
    [360_000, '6m0s'],
    [90_250, '1m30.25s'],
    [3_600_000, '1h0m0s'],
    [-5, '0s'],
  ])('%s ms → %s', (ms, text) => {
    expect(openaiDuration(ms)).toBe(text);
  });
});

describe('rateLimitHeaders', () => {
  const bucket = (scope: 'key' | 'team', kind: 'requests' | 'tokens', limit: number): Bucket => ({ scope, kind, limit, key: `${scope}:${kind}` });

  it('reports, per kind, the bucket with fewer remaining, then the lower limit', () => {
    const buckets = [bucket('key', 'requests', 10), bucket('team', 'requests', 100), bucket('key', 'tokens', 500), bucket('team', 'tokens', 500)];
    const headers = rateLimitHeaders(buckets, [
      { remaining: 9, resetMs: 6_000 },
      { remaining: 3, resetMs: 58_000 },
      { remaining: 400, resetMs: 12_000 },
      { remaining: 400, resetMs: 12_000 },
    ]);
    expect(headers).toEqual({
      'x-ratelimit-limit-requests': '100',
      'x-ratelimit-remaining-requests': '3',
      'x-ratelimit-reset-requests': '58s',
      'x-ratelimit-limit-tokens': '500',
      'x-ratelimit-remaining-tokens': '400',
      'x-ratelimit-reset-tokens': '12s',
    });
  });

  it('leaves out a kind with no limit, and never reports a negative remainder', () => {
    const headers = rateLimitHeaders([bucket('key', 'tokens', 100)], [{ remaining: -40, resetMs: 84_000 }]);
    expect(headers).toEqual({ 'x-ratelimit-limit-tokens': '100', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '1m24s' });
  });
});
