import { describe, expect, it } from 'vitest';
import { UpstreamConnectionError, UpstreamTimeoutError } from '../http/upstream.errors.js';
import type { Deployment } from '../provider.js';
import { readSse } from '../sse/sse.parser.js';
import { mockProvider } from './mock.provider.js';
import { MockTransport } from './mock.transport.js';

const dep: Deployment = { id: 'mock-1', provider: 'mock', model: 'mock-gpt', baseUrl: '', timeoutMs: 5_000 };
const messages = [{ role: 'user' as const, content: 'Hello Ada' }];
const opts = (timeoutMs = 5_000) => ({ signal: new AbortController().signal, timeoutMs });

describe('mock provider + MockTransport', () => {
  it('answers a chat request in-process, recording it without credentials', async () => {
    const transport = new MockTransport();
    const { request } = mockProvider.chatRequest({ model: 'alias', messages }, { ...dep, apiKey: 'secret' }, { stream: false, includeUsage: false });
    const res = await transport.send(request, opts());
    expect(res.status).toBe(200);
    const mapped = mockProvider.chatResponse(await res.json(), dep);
    expect(mapped.body.choices[0].message.content).toBe('Mock answer to: Hello Ada');
    expect(mapped.usage.inputTokens).toBeGreaterThan(0);
    const [seen] = transport.requests.list();
    expect(seen).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'mock-gpt' } });
    expect(JSON.stringify(seen.headers)).not.toContain('secret');
  });

  it('streams SSE bytes that the parser and the stream mapper turn into chunks, usage and done', async () => {
    const transport = new MockTransport({ chunks: 3 });
    const { request } = mockProvider.chatRequest({ model: 'a', messages, stream: true }, dep, { stream: true, includeUsage: true });
    const res = await transport.send(request, opts());
    expect(res.headers['content-type']).toContain('text/event-stream');
    const mapper = mockProvider.chatStream(dep);
    let text = '';
    let usage;
    let done = false;
    for await (const event of readSse(res.body)) {
      const out = mapper.map(event);
      for (const c of out.chunks) text += c.choices[0]?.delta.content ?? '';
      usage ??= out.usage;
      done ||= out.done === true;
    }
    expect(text).toBe('Mock answer to: Hello Ada');
    expect(usage).toMatchObject({ inputTokens: expect.any(Number), outputTokens: 7 });
    expect(done).toBe(true);
  });

  it('applies deployment options: latency, and fixed usage', async () => {
    const transport = new MockTransport();
    const slow = { ...dep, options: { latencyMs: 120, promptTokens: 11, completionTokens: 22 } };
    const { request } = mockProvider.chatRequest({ model: 'a', messages }, slow, { stream: false, includeUsage: false });
    const started = performance.now();
    const res = await transport.send(request, opts());
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(mockProvider.chatResponse(await res.json(), dep).usage).toMatchObject({ inputTokens: 11, outputTokens: 22 });
  });

  it('fails the first N requests of a fail key, then succeeds, with the status and retry-after asked for', async () => {
    const transport = new MockTransport();
    const failing = { ...dep, headers: { 'x-mock-fail-times': '2', 'x-mock-fail-key': 'k1', 'x-mock-status': '429', 'x-mock-retry-after': '3' } };
    const { request } = mockProvider.chatRequest({ model: 'a', messages }, failing, { stream: false, includeUsage: false });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await transport.send(request, opts());
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers['retry-after']).toBe('3');
        expect(mockProvider.error(res.status, await res.text(), dep)).toMatchObject({ status: 429, body: { error: { code: 'rate_limit_exceeded' } } });
      }
    }
    expect(statuses).toEqual([429, 429, 200]);
  });

  it('rejects with an AbortError when aborted during the latency or mid-stream (control: unaborted stream completes)', async () => {
    const transport = new MockTransport({ latencyMs: 2_000 });
    const ac = new AbortController();
    const { request } = mockProvider.chatRequest({ model: 'a', messages }, dep, { stream: false, includeUsage: false });
    const pending = transport.send(request, { signal: ac.signal, timeoutMs: 5_000 });
    setTimeout(() => ac.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const streaming = new MockTransport({ chunkDelayMs: 50 });
    const { request: sreq } = mockProvider.chatRequest({ model: 'a', messages, stream: true }, dep, { stream: true, includeUsage: false });
    const full = await streaming.send(sreq, opts());
    let events = 0;
    for await (const _ of full.body) events++;
    expect(events).toBeGreaterThan(3);

    const ac2 = new AbortController();
    const res = await streaming.send(sreq, { signal: ac2.signal, timeoutMs: 5_000 });
    const it = res.body[Symbol.asyncIterator]();
    await it.next();
    ac2.abort();
    await expect(it.next()).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('turns a latency or chunk delay over the timeout into UpstreamTimeoutError, and a cut stream into UpstreamConnectionError', async () => {
    const { request } = mockProvider.chatRequest({ model: 'a', messages }, { ...dep, options: { latencyMs: 1_000 } }, { stream: false, includeUsage: false });
    await expect(new MockTransport().send(request, opts(50))).rejects.toBeInstanceOf(UpstreamTimeoutError);

    const cut = { ...dep, headers: { 'x-mock-cut-after-chunks': '2' } };
    const { request: sreq } = mockProvider.chatRequest({ model: 'a', messages, stream: true }, cut, { stream: true, includeUsage: false });
    const res = await new MockTransport().send(sreq, opts());
    let events = 0;
    const err = await (async () => {
      for await (const _ of res.body) events++;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamConnectionError);
    expect(events).toBe(2);
  });

  it('serves embeddings and models, and 404s unknown routes', async () => {
    const transport = new MockTransport();
    const emb = await transport.send(mockProvider.embeddingsRequest({ model: 'e', input: 'x', dimensions: 3 }, dep), opts());
    expect(mockProvider.embeddingsResponse(await emb.json(), dep).body.data[0].embedding).toHaveLength(3);
    const models = await transport.send({ url: 'http://mock/v1/models', method: 'GET', headers: {} }, opts());
    expect(((await models.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    expect((await transport.send({ url: 'http://mock/v1/nope', method: 'POST', headers: {}, body: '{}' }, opts())).status).toBe(404);
  });
});
