import { describe, expect, it } from 'vitest';
import type { Deployment } from '../provider.js';
import { mapUpstreamError } from './upstream-error.js';

const dep: Deployment = { id: 'oai-main', provider: 'openai', model: 'gpt-4o', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-proj-SECRETSECRET123', timeoutMs: 1000 };

describe('mapUpstreamError', () => {
  it('passes an OpenAI-shaped error through with its status, type, code and param', () => {
    const body = JSON.stringify({ error: { message: "Invalid value for 'temperature'.", type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } });
    expect(mapUpstreamError(400, body, dep)).toEqual({
      status: 400,
      body: { error: { message: "Invalid value for 'temperature'.", type: 'invalid_request_error', param: 'temperature', code: 'invalid_value' } },
    });
  });

  it('keeps 429 and 5xx statuses', () => {
    const body = JSON.stringify({ error: { message: 'Rate limit reached', type: 'tokens', param: null, code: 'rate_limit_exceeded' } });
    expect(mapUpstreamError(429, body, dep)).toMatchObject({ status: 429, body: { error: { code: 'rate_limit_exceeded', type: 'tokens' } } });
    expect(mapUpstreamError(503, 'Service Unavailable', dep).status).toBe(503);
  });

  it('turns non-JSON and other shapes into upstream_error', () => {
    const html = mapUpstreamError(502, '<html>\n<body>Bad gateway</body></html>', dep);
    expect(html).toEqual({
      status: 502,
      body: { error: { message: 'The upstream provider (openai) returned HTTP 502: <html> <body>Bad gateway</body></html>', type: 'upstream_error', param: null, code: 'upstream_error' } },
    });
    expect(mapUpstreamError(404, '{"error":"model \\"llama9\\" not found"}', dep).body.error).toMatchObject({ message: expect.stringContaining('model "llama9" not found'), code: 'upstream_error' });
    expect(mapUpstreamError(422, '{"detail":"bad field"}', dep).body.error.message).toContain('bad field');
    expect(mapUpstreamError(500, '', dep).body.error.message).toBe('The upstream provider (openai) returned HTTP 500.');
  });

  it('turns 401/403 into 502 without leaking the upstream key', () => {
    const body = JSON.stringify({
      error: { message: 'Incorrect API key provided: sk-proj-********************T123. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    });
    for (const status of [401, 403]) {
      const out = mapUpstreamError(status, body, dep, 'OpenAI');
      expect(out.status).toBe(502);
      expect(out.body.error).toMatchObject({ type: 'upstream_error', code: 'upstream_error' });
      expect(out.body.error.message).toContain('oai-main');
      expect(out.body.error.message).not.toMatch(/sk-|T123|Incorrect/);
    }
  });

  it('scrubs the deployment key and key-like tokens from passed-through messages (control: other text stays)', () => {
    const body = JSON.stringify({ error: { message: `bad request for key ${dep.apiKey} and sk-other-abcdefgh, model gpt-4o`, type: 'invalid_request_error' } });
    const msg = mapUpstreamError(400, body, dep).body.error.message;
    expect(msg).not.toContain('SECRETSECRET');
    expect(msg).not.toContain('abcdefgh');
    expect(msg).toContain('model gpt-4o');
  });

  it('never returns a success status for an error', () => {
    expect(mapUpstreamError(200, 'not json', dep).status).toBe(502);
  });
});
