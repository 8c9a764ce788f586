import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRequest, vertexGeminiProvider, type ChatRequest, type Deployment } from '@helix/providers';
import { ReplayServer, streamedText } from './support/replay-server.js';
import { JwtTokenEndpoint, testServiceAccount } from './support/token-endpoint.js';

const server = new ReplayServer(new URL('../../fixtures/providers/vertex/', import.meta.url));
const tokens = new JwtTokenEndpoint();
let dep: Deployment;

const account = (email: string, trusted = true) => {
  const sa = testServiceAccount(`${server.origin}/token`, email);
  if (trusted) tokens.keys.set(email, sa.publicKey);
  return sa.json;
};

beforeAll(async () => {
  await server.start();
  server.onRequest = tokens.handle;
  dep = {
    id: 'vertex-fixture',
    provider: 'vertex',
    model: 'gemini-2.5-flash',
    baseUrl: `${server.origin}/v1`,
    timeoutMs: 5_000,
    options: { location: 'us-central1', credentials: account('gemini-caller@helix-test.iam.gserviceaccount.com') },
  };
});
afterAll(() => server.close());

const hello: ChatRequest = { model: 'gemini', messages: [{ role: 'user', content: 'Hi' }] };

describe('Vertex AI service-account auth (JWT exchange against a local token endpoint)', () => {
  it('exchanges a signed JWT once, sends the token as a bearer, and reuses it until it nears expiry', async () => {
    const before = tokens.issued;
    await (await server.replay('success', { ...hello, messages: [{ role: 'user', content: 'What is the capital of France?' }], n: 2, max_tokens: 100 }, { ...dep, options: { ...dep.options, safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_ONLY_HIGH' }] } })).res.text();
    expect(tokens.issued).toBe(before + 1);
    const token = `ya29.test-${tokens.issued}`;
    expect(server.received!.headers.authorization).toBe(`Bearer ${token}`);
    expect(tokens.claims.at(-1)).toMatchObject({ iss: 'gemini-caller@helix-test.iam.gserviceaccount.com', aud: `${server.origin}/token`, scope: 'https://www.googleapis.com/auth/cloud-platform' });
    await (await server.replay('error-400', hello, dep)).res.text();
    expect(server.received!.headers.authorization).toBe(`Bearer ${token}`);
    expect(tokens.issued).toBe(before + 1);
  });

  it('control: another service account gets its own token', async () => {
    const before = tokens.issued;
    const other = { ...dep, options: { credentials: account('other-caller@helix-test.iam.gserviceaccount.com') } };
    await (await server.replay('error-400', hello, other)).res.text();
    expect(tokens.issued).toBe(before + 1);
    expect(server.received!.headers.authorization).toBe(`Bearer ya29.test-${tokens.issued}`);
  });

  it('fails with a retryable 502 naming the deployment when the endpoint refuses the assertion, and never leaks the key', async () => {
    const untrusted = account('forged@helix-test.iam.gserviceaccount.com', false);
    const d = { ...dep, id: 'vertex-forged', options: { credentials: untrusted } };
    const { request } = vertexGeminiProvider.chatRequest(hello, d, { stream: false, includeUsage: false });
    const err = await prepareRequest(vertexGeminiProvider, request, d, new AbortController().signal).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 502, retryable: true, type: 'upstream_error' });
    expect((err as Error).message).toContain('vertex-forged');
    expect((err as Error).message).toContain('unknown issuer');
    expect((err as Error).message).not.toContain('PRIVATE KEY');
  });
});

describe('Vertex AI fixture replay', () => {
  it('posts to the publisher model path, and maps two candidates to two choices', async () => {
    const req: ChatRequest = { ...hello, messages: [{ role: 'user', content: 'What is the capital of France?' }], n: 2, max_tokens: 100 };
    const d = { ...dep, options: { ...dep.options, safetySettings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_ONLY_HIGH' }] } };
    const { res, adapter } = await server.replay('success', req, d);
    expect(server.received!.url).toBe(server.current!.request.path);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const mapped = adapter.chatResponse(await res.json(), d);
    expect(mapped.body.choices.map((c) => [c.index, c.finish_reason])).toEqual([
      [0, 'stop'],
      [1, 'length'],
    ]);
    expect(mapped.usage).toMatchObject({ inputTokens: 8, outputTokens: 18 });
  });

  it('maps parallel function calls to two tool calls with distinct generated ids', async () => {
    const req: ChatRequest = { ...hello, messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }], tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } } }], tool_choice: 'auto' };
    const { res, adapter } = await server.replay('tool-call', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const calls = adapter.chatResponse(await res.json(), dep).body.choices[0].message.tool_calls!;
    expect(calls.map((c) => c.function.arguments)).toEqual(['{"location":"Paris"}', '{"location":"Tokyo"}']);
    expect(new Set(calls.map((c) => c.id)).size).toBe(2);
  });

  it('streams partial responses to chunks, done with usage from the last', async () => {
    const events = await server.replayStream('stream', { ...hello, messages: [{ role: 'user', content: 'Say hello' }], stream: true }, dep);
    expect(server.received!.url).toBe(server.current!.request.path);
    expect(streamedText(events)).toBe('Hello! How can I help?');
    expect(events.at(-1)).toMatchObject({ done: true, usage: { inputTokens: 2, outputTokens: 7 } });
    expect(events[0].done).toBeUndefined();
  });

  it('maps INVALID_ARGUMENT and RESOURCE_EXHAUSTED', async () => {
    expect((await server.replayError('error-400', hello, dep)).mapped).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('temperature value of 3') } } });
    expect((await server.replayError('rate-limit-429', hello, dep)).mapped).toMatchObject({ status: 429, body: { error: { code: 'rate_limit_exceeded' } } });
  });
});
