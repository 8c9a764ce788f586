import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, Deployment } from '@helix/providers';
import { ReplayServer, streamedText } from './support/replay-server.js';

const server = new ReplayServer(new URL('../../fixtures/providers/gemini/', import.meta.url));
let dep: Deployment;

beforeAll(async () => {
  await server.start();
  dep = { id: 'gemini-fixture', provider: 'gemini', model: 'gemini-2.5-flash', baseUrl: `${server.origin}/v1beta`, apiKey: 'AIzaSyFIXTUREFIXTUREFIXTURE', timeoutMs: 5_000 };
});
afterAll(() => server.close());

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const hello: ChatRequest = { model: 'gemini', messages: [{ role: 'user', content: 'Hi' }] };

describe('Gemini fixture replay: request and response', () => {
  it('sends system instruction, inline image and generation config with the key header, and maps usage with cached and thought tokens', async () => {
    const req: ChatRequest = {
      model: 'gemini',
      messages: [
        { role: 'system', content: 'You are a concise assistant.' },
        { role: 'user', content: [{ type: 'text', text: 'Describe this image in one sentence.' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXEL}` } }] },
      ],
      temperature: 0.4,
      top_p: 0.9,
      max_completion_tokens: 256,
      stop: ['END'],
      response_format: { type: 'json_schema', json_schema: { name: 'caption', schema: { type: 'object', properties: { caption: { type: 'string' } }, required: ['caption'] } } },
      logit_bias: { 50256: -100 },
    };
    const { res, adapter, dropped } = await server.replay('success', req, dep);
    expect(server.received).toMatchObject({ method: 'POST', url: server.current!.request.path });
    expect(server.received!.headers['x-goog-api-key']).toBe('AIzaSyFIXTUREFIXTUREFIXTURE');
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(dropped).toEqual(['logit_bias']);
    const mapped = adapter.chatResponse(await res.json(), dep);
    expect(mapped.body).toMatchObject({ id: 'mK2vaPzlB9-1nvgPw7LK8Qo', model: 'gemini-2.5-flash', choices: [{ message: { content: '{"caption": "A single white pixel."}' }, finish_reason: 'stop' }] });
    expect(mapped.usage).toEqual({ inputTokens: 1290, outputTokens: 52, cacheReadTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 40, estimated: false });
  });

  it('names the function of a tool result, passes the thought signature back, and maps a function call with its signature', async () => {
    const req: ChatRequest = {
      model: 'gemini',
      messages: [
        { role: 'user', content: "What's the weather like in Paris?" },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Lyon"}' }, extra_content: { google: { thought_signature: 'CiQBVKhc7prev' } } } as never],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temperature":18}' },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', description: 'Get the current weather in a given location', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    };
    const { res, adapter } = await server.replay('tool-call', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const mapped = adapter.chatResponse(await res.json(), dep);
    const call = mapped.body.choices[0].message.tool_calls![0] as unknown as Record<string, unknown>;
    expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' }, extra_content: { google: { thought_signature: 'CiQBVKhc7next' } } });
    expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(mapped.body.choices[0].finish_reason).toBe('tool_calls');
    expect(mapped.usage).toMatchObject({ inputTokens: 118, outputTokens: 67, reasoningTokens: 60 });
  });
});

describe('Gemini fixture replay: every stream event', () => {
  it('maps partial responses (CRLF-framed) to role, content and finish chunks, then the usage chunk and done', async () => {
    const events = await server.replayStream('stream', { model: 'gemini', messages: [{ role: 'user', content: 'Say hello' }], stream: true }, dep);
    expect(server.received!.url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(events).toHaveLength(3);
    expect(events[0].chunks.map((c) => c.choices[0].delta)).toEqual([{ role: 'assistant', content: '' }, { content: 'Hello' }]);
    expect(events[0].chunks[0]).toMatchObject({ id: 'nK2vaK6sD4-fnvgP1ZHJ-Qc', model: 'gemini-2.5-flash' });
    expect(events[1].done).toBeUndefined();
    expect(streamedText(events)).toBe('Hello! How can I help you today? 👋');
    const last = events[2];
    expect(last.chunks.map((c) => c.choices[0]?.finish_reason ?? 'usage')).toEqual(['stop', 'usage']);
    expect(last).toMatchObject({ done: true, usage: { inputTokens: 3, outputTokens: 38, reasoningTokens: 28 } });
  });
});

describe('Gemini fixture replay: errors', () => {
  it('maps INVALID_ARGUMENT to a 400 with the message, the status name as code', async () => {
    const { mapped } = await server.replayError('error-400', hello, dep);
    expect(mapped.status).toBe(400);
    expect(mapped.body.error).toMatchObject({ type: 'invalid_request_error', code: 'INVALID_ARGUMENT', message: expect.stringContaining('Unknown name "foo"') });
  });

  it('maps RESOURCE_EXHAUSTED to 429 rate_limit_exceeded', async () => {
    const { mapped } = await server.replayError('rate-limit-429', hello, dep);
    expect(mapped).toMatchObject({ status: 429, body: { error: { type: 'rate_limit_error', code: 'rate_limit_exceeded', message: expect.stringContaining('exceeded your current quota') } } });
  });

  it('turns a refused key into a 502 that names the deployment', async () => {
    const { mapped } = await server.replayError('auth-403', hello, dep);
    expect(mapped.status).toBe(502);
    expect(mapped.body.error.message).toContain('gemini-fixture');
    expect(mapped.body.error.message).not.toContain('AIza');
  });
});
