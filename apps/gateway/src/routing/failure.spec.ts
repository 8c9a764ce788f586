import { describe, expect, it } from 'vitest';
import { Errors, HelixError } from '@helix/contracts';
import { UpstreamConnectionError, UpstreamTimeoutError } from '@helix/providers';
import { backoffMs, classifyFailure, retryAfterMs } from './failure.js';

const upstream = (status: number, message = 'x', code: string | null = null) => new HelixError(status, 'upstream_error', message, code);

describe('classifyFailure', () => {
  it('retries 429, 408, 5xx, timeouts and broken connections', () => {
    for (const e of [upstream(429), upstream(408), upstream(500), upstream(502), upstream(503), new UpstreamTimeoutError('headers', 'h', 5), new UpstreamConnectionError('h', 'reset')]) {
      expect(classifyFailure(e)).toBe('retry');
    }
  });

  it('sends context-window errors to the context fallbacks, by code or by the providers’ wording', () => {
    expect(classifyFailure(upstream(400, 'too long', 'context_length_exceeded'))).toBe('context');
    expect(classifyFailure(upstream(400, 'prompt is too long: 210000 tokens > 200000 maximum'))).toBe('context');
    expect(classifyFailure(upstream(400, 'The input token count (1200000) exceeds the maximum number of tokens allowed'))).toBe('context');
    expect(classifyFailure(upstream(400, 'Input is too long for requested model.'))).toBe('context');
  });

  it('answers other client errors, aborts and unknown throwables as they are', () => {
    expect(classifyFailure(Errors.badRequest('bad temperature'))).toBe('final');
    expect(classifyFailure(upstream(404, 'no such model'))).toBe('final');
    expect(classifyFailure(new DOMException('aborted', 'AbortError'))).toBe('final');
    expect(classifyFailure(new Error('bug'))).toBe('final');
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');
  it('reads retry-after-ms first, then retry-after in seconds or as an HTTP date', () => {
    expect(retryAfterMs({ 'retry-after-ms': '1500', 'retry-after': '9' }, now)).toBe(1500);
    expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
    expect(retryAfterMs({ 'retry-after': '0.5' }, now)).toBe(500);
    expect(retryAfterMs({ 'retry-after': new Date(now + 3000).toUTCString() }, now)).toBe(3000);
    expect(retryAfterMs({ 'retry-after': new Date(now - 3000).toUTCString() }, now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(retryAfterMs({}, now)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('draws up to base * 2^(round-1), capped (full jitter)', () => {
    expect([1, 2, 3, 4, 5].map((r) => backoffMs(r, 100, 1000, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffMs(3, 100, 1000, () => 0)).toBe(0);
    expect(backoffMs(2, 100, 1000, () => 0.5)).toBe(100);
  });
});
