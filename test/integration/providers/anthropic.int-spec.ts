import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatRequest, Deployment } from '@helix/providers';
import { ReplayServer, streamedArguments, streamedText } from './support/replay-server.js';

const server = new ReplayServer(new URL('../../fixtures/providers/anthropic/', import.meta.url));
let dep: Deployment;

beforeAll(async () => {
  await server.start();
  dep = { id: 'claude-fixture', provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', baseUrl: `${server.origin}/v1`, apiKey: 'sk-ant-api03-FIXTUREKEY', timeoutMs: 5_000 };
});
afterAll(() => server.close());

const hello: ChatRequest = { model: 'claude', messages: [{ role: 'user', content: 'Hi' }] };
const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather in a given location',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
};

describe('Anthropic fixture replay: request and response', () => {
  it('sends the documented request (path, key, version, system, stop_sequences) and maps text with cache usage', async () => {
    const req: ChatRequest = {
      model: 'claude',
      messages: [
        { role: 'system', content: 'You are a concise assistant.' },
        { role: 'user', content: 'What is the capital of France?' },
      ],
      max_tokens: 1024,
      temperature: 0.2,
      stop: '\n\nHuman:',
      logprobs: true,
    };
    const { res, adapter, dropped } = await server.replay('success', req, dep);
    expect(server.received).toMatchObject({ method: 'POST', url: '/v1/messages' });
    expect(server.received!.headers).toMatchObject({ 'x-api-key': 'sk-ant-api03-FIXTUREKEY', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    expect(server.sentBody()).toEqual({ ...server.current!.request.body });
    expect(dropped).toEqual(['logprobs']);
    const mapped = adapter.chatResponse(await res.json(), dep);
    expect(mapped.model).toBe('claude-sonnet-4-5-20250929');
    expect(mapped.body.choices[0]).toMatchObject({ index: 0, message: { role: 'assistant', content: 'The capital of France is Paris.' }, finish_reason: 'stop' });
    expect(mapped.usage).toEqual({ inputTokens: 21 + 188 + 1800, outputTokens: 10, cacheReadTokens: 1800, cacheWriteTokens: 188, reasoningTokens: 0, estimated: false });
    expect(mapped.body.usage).toMatchObject({ prompt_tokens: 2009, completion_tokens: 10, total_tokens: 2019, prompt_tokens_details: { cached_tokens: 1800, cache_write_tokens: 188 } });
  });

  it('sends tool history and tools, and maps a tool_use answer to tool_calls', async () => {
    const req: ChatRequest = {
      model: 'claude',
      messages: [
        { role: 'user', content: "What's the weather like in Paris?" },
        { role: 'assistant', content: null, tool_calls: [{ id: 'toolu_01PrevPrevPrevPrevPrevPrev', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Lyon"}' } }] },
        { role: 'tool', tool_call_id: 'toolu_01PrevPrevPrevPrevPrevPrev', content: '{"temperature":18}' },
      ],
      tools: [weatherTool],
      parallel_tool_calls: false,
    };
    const { res, adapter } = await server.replay('tool-call', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const mapped = adapter.chatResponse(await res.json(), dep);
    expect(mapped.body.choices[0].finish_reason).toBe('tool_calls');
    expect(mapped.body.choices[0].message).toMatchObject({
      content: "I'll check the current weather in Paris for you.",
      tool_calls: [{ id: 'toolu_01A09q90qw90lq917835lq9', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } }],
    });
    expect(mapped.usage).toMatchObject({ inputTokens: 412, outputTokens: 71 });
  });
});

describe('Anthropic fixture replay: every stream event', () => {
  it('maps message_start, text deltas around a ping, message_delta and message_stop, with usage last', async () => {
    const events = await server.replayStream('stream', { model: 'claude', messages: [{ role: 'user', content: 'Say hello' }], stream: true }, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    expect(events).toHaveLength(8);
    expect(events[0].chunks[0]).toMatchObject({ id: 'msg_01ABCdefGHIjklMNOpqrSTUv', object: 'chat.completion.chunk', model: 'claude-sonnet-4-5-20250929', choices: [{ delta: { role: 'assistant', content: '' } }] });
    expect(events[1]).toEqual({ chunks: [] });
    expect(events[2]).toEqual({ chunks: [] });
    expect(streamedText(events)).toBe('Hello! How can I help you today? 👋');
    expect(events[6].chunks[0].choices[0].finish_reason).toBe('stop');
    expect(events[7]).toMatchObject({ done: true, usage: { inputTokens: 10, outputTokens: 12 } });
    expect(events[7].chunks[0]).toMatchObject({ choices: [], usage: { prompt_tokens: 10, completion_tokens: 12 } });
    expect(new Set(events.flatMap((e) => e.chunks).map((c) => c.id))).toEqual(new Set(['msg_01ABCdefGHIjklMNOpqrSTUv']));
  });

  it('maps thinking to reasoning_content and a streamed tool_use to one tool call whose arguments arrive in pieces', async () => {
    const req: ChatRequest = { model: 'claude', messages: [{ role: 'user', content: "What's the weather like in Paris?" }], tools: [weatherTool], tool_choice: 'required', stream: true };
    const events = await server.replayStream('tool-call-stream', req, dep);
    expect(server.sentBody()).toEqual(server.current!.request.body);
    const chunks = events.flatMap((e) => e.chunks);
    expect(chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')).toBe('The user wants Paris weather.');
    const first = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])[0];
    expect(first).toEqual({ index: 0, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(JSON.parse(streamedArguments(events))).toEqual({ location: 'Paris, France' });
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('tool_calls');
    expect(events.at(-1)).toMatchObject({ done: true, usage: { inputTokens: 472 + 256, cacheReadTokens: 256, outputTokens: 89 } });
  });
});

describe('Anthropic fixture replay: errors', () => {
  it('maps a 400 to invalid_request_error with the provider message', async () => {
    const { mapped } = await server.replayError('error-400', hello, dep);
    expect(mapped).toEqual({
      status: 400,
      body: { error: { type: 'invalid_request_error', code: 'invalid_request_error', param: null, message: expect.stringContaining('roles must alternate') } },
    });
  });

  it('maps a 429 to rate_limit_exceeded, its retry-after available to the gateway', async () => {
    const { res, mapped } = await server.replayError('rate-limit-429', hello, dep);
    expect(mapped.status).toBe(429);
    expect(mapped.body.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded', message: expect.stringContaining('30,000 input tokens') });
    expect(res.headers['retry-after']).toBe('7');
  });

  it('maps 529 overloaded to 503, keeping the provider type as code', async () => {
    const { res, mapped } = await server.replayError('overloaded-529', hello, dep);
    expect(res.status).toBe(529);
    expect(mapped).toEqual({ status: 503, body: { error: { type: 'upstream_error', code: 'overloaded_error', param: null, message: 'Overloaded' } } });
  });
});
