import { describe, expect, it } from 'vitest';
import type { Deployment } from '../provider.js';
import { mapProviderError, type ProviderErrorReader } from './provider-error.js';

const dep: Deployment = { id: 'd1', provider: 'x', model: 'm', baseUrl: '', apiKey: 'secret-key-123456', timeoutMs: 1 };
const read: ProviderErrorReader = (p) => (p && typeof (p as { msg?: unknown }).msg === 'string' ? { message: (p as { msg: string }).msg, type: (p as { kind?: string }).kind } : undefined);

describe('mapProviderError', () => {
  it('keeps the message, types by status, uses the provider type as code (429 always rate_limit_exceeded), translates statuses', () => {
    expect(mapProviderError(400, '{"msg":"bad","kind":"ValidationError"}', dep, 'X', read)).toEqual({ status: 400, body: { error: { message: 'bad', type: 'invalid_request_error', param: null, code: 'ValidationError' } } });
    expect(mapProviderError(429, '{"msg":"slow down","kind":"Throttled"}', dep, 'X', read).body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    expect(mapProviderError(529, '{"msg":"busy"}', dep, 'X', read, { 529: 503 })).toMatchObject({ status: 503, body: { error: { type: 'upstream_error', code: 'upstream_error' } } });
    expect(mapProviderError(404, '{"msg":"no model"}', dep, 'X', read).body.error).toMatchObject({ type: 'not_found_error', code: 'invalid_request_error' });
  });

  it('applies the shared rules: credentials errors become 502, keys are scrubbed, other bodies fall back', () => {
    expect(mapProviderError(403, '{"msg":"denied"}', dep, 'X', read).status).toBe(502);
    expect(mapProviderError(400, '{"msg":"key secret-key-123456 is odd"}', dep, 'X', read).body.error.message).toBe('key *** is odd');
    expect(mapProviderError(500, 'oops', dep, 'X', read).body.error.message).toBe('The upstream provider (X) returned HTTP 500: oops');
  });
});
