import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compatibleProvider, mockVector, readSse, UndiciTransport, UpstreamConnectionError, type Deployment } from '@helix/providers';
import { startMockUpstream, type MockUpstream } from '../../../apps/mock-upstream/src/mock-upstream.js';

let upstream: MockUpstream;
let client: OpenAI;
const transport = new UndiciTransport();
const opts = () => ({ signal: new AbortController().signal, timeoutMs: 5_000 });
const dep = (over: Partial<Deployment> = {}): Deployment => ({
  id: 'mock-up',
  provider: 'openai-compatible',
  model: 'mock-gpt',
  baseUrl: upstream.baseUrl,
  apiKey: 'sk-upstream-secret',
  timeoutMs: 5_000,
  ...over,
});
const messages = [{ role: 'user' as const, content: 'Hello from Grace Hopper' }];

beforeAll(async () => {
  upstream = await startMockUpstream({ chunks: 4 });
  client = new OpenAI({ baseURL: upstream.baseUrl, apiKey: 'sk-client', maxRetries: 0 });
});
beforeEach(() => upstream.reset());
afterAll(async () => {
  await transport.close();
  await upstream.close();
});

describe('mock-upstream with the official openai client', () => {
  it('answers chat completions, deterministically', async () => {
    const a = await client.chat.completions.create({ model: 'mock-gpt', messages });
    const b = await client.chat.completions.create({ model: 'mock-gpt', messages });
    expect(a.choices[0].message.content).toBe('Mock answer to: Hello from Grace Hopper');
    expect(b.id).toBe(a.id);
    expect(a.usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: 10 });
  });

  it('streams with include_usage, ending with a usage chunk', async () => {
    const stream = await client.chat.completions.create({ model: 'mock-gpt', messages, stream: true, stream_options: { include_usage: true } });
    let text = '';
    const chunks = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('Mock answer to: Hello from Grace Hopper');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 10 } });
  });

  it('calls tools, also when streaming (the SDK accumulates the call)', async () => {
    const tools = [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] } } }];
    const res = await client.chat.completions.create({ model: 'mock-gpt', messages, tools });
    expect(res.choices[0].message.tool_calls?.[0]).toMatchObject({ function: { name: 'lookup', arguments: '{"q":"Hello from Grace Hopper"}' } });
    const runner = client.chat.completions.stream({ model: 'mock-gpt', messages, tools });
    const final = await runner.finalChatCompletion();
    const call = final.choices[0].message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function).toMatchObject({ name: 'lookup', arguments: '{"q":"Hello from Grace Hopper"}' });
  });

  it('serves embeddings (the SDK asks for base64 by default) and models', async () => {
    const res = await client.embeddings.create({ model: 'mock-embedding', input: ['a', 'b'], dimensions: 16 });
    expect(res.data).toHaveLength(2);
    res.data[0].embedding.forEach((x, i) => expect(x).toBeCloseTo(mockVector('a', 16)[i], 6));
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain('mock-gpt');
  });

  it('fails as asked by headers: status with retry-after, then fail-N-times-then-succeed', async () => {
    const err = await client.chat.completions
      .create({ model: 'mock-gpt', messages }, { headers: { 'x-mock-status': '503', 'x-mock-retry-after': '2' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    expect((err as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('2');

    const headers = { 'x-mock-fail-times': '2', 'x-mock-fail-key': 'retry-test', 'x-mock-status': '429' };
    const outcomes: (number | 'ok')[] = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(
        await client.chat.completions.create({ model: 'mock-gpt', messages }, { headers }).then(
          () => 'ok' as const,
          (e: InstanceType<typeof OpenAI.APIError>) => e.status!,
        ),
      );
    }
    expect(outcomes).toEqual([429, 429, 'ok']);
  });

  it('records requests without credentials, and reset clears them', async () => {
    await client.chat.completions.create({ model: 'mock-gpt', messages });
    const log = (await (await fetch(`${upstream.url}/_mock/requests?limit=5`)).json()) as { headers: Record<string, string>; body: { messages: unknown } }[];
    expect(log).toHaveLength(1);
    expect(log[0].body.messages).toEqual(messages);
    expect(log[0].headers['content-type']).toContain('application/json');
    expect(log[0].headers).not.toHaveProperty('authorization');
    expect(JSON.stringify(log)).not.toContain('sk-client');
    await fetch(`${upstream.url}/_mock/reset`, { method: 'POST' });
    expect(upstream.requests()).toEqual([]);
  });
});

describe('mock-upstream through the providers lib (undici transport + openai-compatible adapter)', () => {
  it('round-trips a JSON chat completion and a stream', async () => {
    const json = compatibleProvider.chatRequest({ model: 'alias', messages }, dep(), { stream: false, includeUsage: false });
    const res = await transport.send(json.request, opts());
    expect(compatibleProvider.chatResponse(await res.json(), dep())).toMatchObject({ model: 'mock-gpt', usage: { outputTokens: 10 } });

    const stream = compatibleProvider.chatRequest({ model: 'alias', messages, stream: true }, dep(), { stream: true, includeUsage: true });
    const sres = await transport.send(stream.request, opts());
    const mapper = compatibleProvider.chatStream(dep());
    const mapped = [];
    for await (const e of readSse(sres.body)) mapped.push(mapper.map(e));
    expect(mapped.at(-1)).toEqual({ chunks: [], done: true });
    expect(mapped.find((m) => m.usage)?.usage).toMatchObject({ outputTokens: 10 });
  });

  it('latency delays the headers', async () => {
    const { request } = compatibleProvider.chatRequest({ model: 'a', messages }, dep({ headers: { 'x-mock-latency-ms': '150' } }), { stream: false, includeUsage: false });
    const started = performance.now();
    await (await transport.send(request, opts())).text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('x-mock-cut-after-chunks closes the socket mid-stream: a typed connection error, not an abort', async () => {
    const { request } = compatibleProvider.chatRequest({ model: 'a', messages, stream: true }, dep({ headers: { 'x-mock-cut-after-chunks': '2', 'x-mock-slow-chunk-ms': '10' } }), {
      stream: true,
      includeUsage: false,
    });
    const res = await transport.send(request, opts());
    const err = await (async () => {
      for await (const _ of res.body);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamConnectionError);
    expect(upstream.aborts()).toEqual([]);
  });

  it('lists a stream whose client went away in /_mock/aborts (control: a completed stream is not listed)', async () => {
    const slow = dep({ headers: { 'x-mock-slow-chunk-ms': '50', 'x-mock-fail-key': 'abort-case' } });
    const { request: completes } = compatibleProvider.chatRequest({ model: 'a', messages: [{ role: 'user', content: 'completes' }], stream: true }, slow, { stream: true, includeUsage: false });
    await (await transport.send(completes, opts())).text();

    const { request } = compatibleProvider.chatRequest({ model: 'a', messages: [{ role: 'user', content: 'goes away' }], stream: true }, slow, { stream: true, includeUsage: false });
    const ac = new AbortController();
    const res = await transport.send(request, { signal: ac.signal, timeoutMs: 5_000 });
    const it = res.body[Symbol.asyncIterator]();
    await it.next();
    ac.abort();
    await it.next().catch(() => undefined);
    await expect.poll(() => upstream.aborts().length, { timeout: 2_000 }).toBe(1);
    expect(upstream.aborts()[0].body).toMatchObject({ messages: [{ content: 'goes away' }] });
    const viaHttp = (await (await fetch(`${upstream.url}/_mock/aborts`)).json()) as unknown[];
    expect(viaHttp).toHaveLength(1);
    expect(upstream.requests()).toHaveLength(2);
  });

  it('forces x-mock-* faults onto every request until they are cleared, in process and over /_mock/faults', async () => {
    expect((await client.chat.completions.create({ model: 'mock-gpt', messages })).choices).toHaveLength(1);
    upstream.setFaults({ 'X-Mock-Status': '503', authorization: 'ignored' });
    await expect(client.chat.completions.create({ model: 'mock-gpt', messages })).rejects.toMatchObject({ status: 503 });
    const set = await fetch(`${upstream.url}/_mock/faults`, { method: 'POST', body: JSON.stringify({ 'x-mock-status': '429', 'x-mock-retry-after': '3' }) });
    expect(await set.json()).toEqual({ faults: { 'x-mock-status': '429', 'x-mock-retry-after': '3' } });
    const limited = await fetch(`${upstream.baseUrl}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'mock-gpt', messages }) });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect((await fetch(`${upstream.url}/_mock/faults`, { method: 'POST', body: '[1]' })).status).toBe(400);
    upstream.setFaults({});
    expect((await client.chat.completions.create({ model: 'mock-gpt', messages })).choices).toHaveLength(1);
    upstream.setFaults({ 'x-mock-status': '500' });
    upstream.reset();
    expect((await client.chat.completions.create({ model: 'mock-gpt', messages })).choices).toHaveLength(1);
  });
});
