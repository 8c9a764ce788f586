import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, Deployment } from '@helix/providers';
import { ReplayServer, streamedText } from './support/replay-server.js';
import { JwtTokenEndpoint, testServiceAccount } from './support/token-endpoint.js';

const server = new ReplayServer(new URL('../../fixtures/providers/vertex-anthropic/', import.meta.url));
const tokens = new JwtTokenEndpoint();
let dep: Deployment;

beforeAll(async () => {
  await server.start();
  server.onRequest = tokens.handle;
  const email = 'claude-caller@helix-test.iam.gserviceaccount.com';
  const sa = testServiceAccount(`${server.origin}/token`, email);
  tokens.keys.set(email, sa.publicKey);
  dep = {
    id: 'vertex-claude-fixture',
    provider: 'vertex-anthropic',
    model: 'claude-sonnet-4-5@20250929',
    baseUrl: `${server.origin}/v1`,
    timeoutMs: 5_000,
    options: { location: 'us-east5', credentials: JSON.stringify(sa.json), maxTokens: 2048 },
  };
});
afterAll(() => server.close());

const hello: ChatRequest = { model: 'claude', messages: [{ role: 'user', content: 'Hi' }] };

describe('Anthropic on Vertex AI fixture replay', () => {
  it('posts the Anthropic body with anthropic_version and no model to rawPredict, with a service-account token', async () => {
    const { res, adapter } = await server.replay('success', hello, dep);
    expect(server.received!.url).toBe(server.current!.request.path);
    expect(server.received!.headers.authorization).toMatch(/^Bearer ya29\.test-\d+$/);
    expect(server.received!.headers).not.toHaveProperty('x-api-key');
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const mapped = adapter.chatResponse(await res.json(), dep);
    expect(mapped).toMatchObject({ model: 'claude-sonnet-4-5-20250929', usage: { inputTokens: 8, outputTokens: 9 }, body: { choices: [{ message: { content: 'Hello! How can I help?' } }] } });
  });

  it('forces a named tool and maps the tool_use answer', async () => {
    const req: ChatRequest = {
      ...hello,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    };
    const { res, adapter } = await server.replay('tool-call', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(adapter.chatResponse(await res.json(), dep).body.choices[0]).toMatchObject({ finish_reason: 'tool_calls', message: { tool_calls: [{ id: 'toolu_vrtx_01Paris' }] } });
  });

  it('streams from streamRawPredict, a max_tokens stop becoming finish_reason length', async () => {
    const events = await server.replayStream('stream', { ...hello, messages: [{ role: 'user', content: 'Say hello' }], stream: true }, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(streamedText(events)).toBe('Hello there!');
    expect(events.flatMap((e) => e.chunks).find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('length');
    expect(events.at(-1)).toMatchObject({ done: true, usage: { inputTokens: 9, outputTokens: 4 } });
  });

  it('maps Anthropic-shaped and Google-shaped errors alike', async () => {
    expect((await server.replayError('error-400', hello, dep)).mapped).toMatchObject({ status: 400, body: { error: { code: 'invalid_request_error', message: expect.stringContaining('max_tokens: 200000') } } });
    expect((await server.replayError('rate-limit-429', hello, dep)).mapped).toMatchObject({ status: 429, body: { error: { code: 'rate_limit_exceeded', message: expect.stringContaining('Quota exceeded') } } });
  });
});
