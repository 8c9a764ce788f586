import Anthropic from '@anthropic-ai/sdk';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockUpstream, type MockUpstream } from '../../apps/mock-upstream/src/mock-upstream.js';
import { provisionKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

let helix: HelixProcess;
let upstream: MockUpstream;
let client: Anthropic;

const weather = { name: 'get_weather', description: 'Weather by city', input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] } };

beforeAll(async () => {
  upstream = await startMockUpstream({ chunks: 4, chunkDelayMs: 2 });
  helix = await spawnHelix('standalone', {
    config: {
      providers: [
        { name: 'compat', type: 'openai-compatible', baseUrl: upstream.baseUrl },
        { name: 'claude', type: 'anthropic', baseUrl: upstream.baseUrl, apiKey: 'sk-ant-e2e' },
      ],
      models: [
        { name: 'claude-e2e', deployments: [{ id: 'compat-dep', provider: 'compat', model: 'mock-gpt' }] },
        { name: 'claude-native', deployments: [{ id: 'claude-dep', provider: 'claude', model: 'claude-mock' }] },
      ],
      pipeline: { budget: { timeoutMs: 5_000 }, pii: { timeoutMs: 5_000 }, cache: { timeoutMs: 5_000 } },
    },
  });
  const { key } = await provisionKey(helix.url, helix.masterKey());
  client = new Anthropic({ apiKey: key, baseURL: helix.url, maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  await helix?.dispose();
  await upstream?.close();
});

describe('POST /v1/messages with the official Anthropic SDK', () => {
  it('answers a message through the chat pipeline: PII redacted upstream and restored, then a cache hit', async () => {
    upstream.reset();
    const params = { model: 'claude-e2e', max_tokens: 200, system: 'Be brief.', messages: [{ role: 'user' as const, content: 'Write to ada.lovelace@example.com about the engine' }] };
    const { data, response } = await client.messages.create(params).withResponse();
    expect(data).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-e2e', stop_reason: 'end_turn' });
    expect(data.id).toMatch(/^msg_/);
    expect(data.content).toEqual([{ type: 'text', text: 'Mock answer to: Write to ada.lovelace@example.com about the engine' }]);
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    expect(data.usage.output_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-helix-deployment')).toBe('compat-dep');
    const sent = upstream.requests().at(-1)!.body as { messages: { role: string; content: string }[]; max_tokens: number };
    expect(sent.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    expect(JSON.stringify(sent)).not.toContain('ada.lovelace@example.com');
    expect(JSON.stringify(sent)).toContain('about the engine');

    const again = await client.messages.create(params).withResponse();
    expect(again.response.headers.get('x-helix-cache')).toMatch(/^hit/);
    expect(again.data.content).toEqual(data.content);
    expect(upstream.requests()).toHaveLength(1);
  });

  it('streams the event sequence the SDK assembles into a message', async () => {
    const stream = await client.messages.create({ model: 'claude-e2e', max_tokens: 200, stream: true, messages: [{ role: 'user', content: 'stream the story of the engine' }] });
    const types: string[] = [];
    let text = '';
    let outputTokens = 0;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
      if (event.type === 'message_delta') outputTokens = event.usage.output_tokens;
    }
    expect(types[0]).toBe('message_start');
    expect(types[1]).toBe('content_block_start');
    expect(types.filter((t) => t === 'content_block_delta').length).toBeGreaterThan(1);
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(text).toBe('Mock answer to: stream the story of the engine');
    expect(outputTokens).toBeGreaterThan(0);

    const final = await client.messages.stream({ model: 'claude-native', max_tokens: 200, messages: [{ role: 'user', content: 'native stream' }] }).finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: 'Mock answer to: native stream' }]);
    expect(final.stop_reason).toBe('end_turn');
  });

  it('runs a tool round trip (tool_use, then tool_result) through an Anthropic upstream, plain and streamed', async () => {
    const first = await client.messages.create({ model: 'claude-native', max_tokens: 200, tools: [weather], tool_choice: { type: 'tool', name: 'get_weather' }, messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content.find((b) => b.type === 'tool_use')!;
    expect(use).toMatchObject({ type: 'tool_use', name: 'get_weather' });
    expect(typeof use.input).toBe('object');
    const second = await client.messages.create({
      model: 'claude-native',
      max_tokens: 200,
      tools: [weather],
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: '18 degrees' }, { type: 'text', text: 'Summarise it' }] },
      ],
      tool_choice: { type: 'none' },
    });
    expect(second.content[0]).toMatchObject({ type: 'text' });
    const streamed = await client.messages.stream({ model: 'claude-e2e', max_tokens: 200, tools: [weather], tool_choice: { type: 'any' }, messages: [{ role: 'user', content: 'Weather in Rome, streamed?' }] }).finalMessage();
    expect(streamed.stop_reason).toBe('tool_use');
    expect(streamed.content.find((b) => b.type === 'tool_use')).toMatchObject({ name: 'get_weather', input: expect.any(Object) });
  });

  it('answers errors in Anthropic’s shape, which the SDK maps to its error classes', async () => {
    const bad = new Anthropic({ apiKey: 'hx-not-a-key', baseURL: helix.url, maxRetries: 0 });
    await expect(bad.messages.create({ model: 'claude-e2e', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({
      status: 401,
      error: { type: 'error', error: { type: 'authentication_error' } },
    });
    await expect(client.messages.create({ model: 'no-such-model', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    const missing = await fetch(`${helix.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': client.apiKey! },
      body: JSON.stringify({ model: 'claude-e2e', messages: [{ role: 'user', content: 'x' }] }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: "Missing required parameter: 'max_tokens'." } });
    await expect(
      client.messages.create({ model: 'claude-e2e', max_tokens: 10, tools: [{ type: 'web_search_20250305', name: 'web_search' }], messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('answers errors raised before the route runs (malformed JSON, body too large) in Anthropic’s shape too, where chat completions keep OpenAI’s', async () => {
    const post = (path: string, body: string) =>
      fetch(`${helix.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': client.apiKey! }, body });
    const malformed = await post('/v1/messages', '{"model": "claude-e2e", "messages": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', message: expect.any(String) } });
    // A body over the limit is refused from its content-length, before it is sent (writing it would race the close).
    const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${helix.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 5 * 1024 * 1024, 'x-api-key': client.apiKey! } });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => (resolve({ status: res.statusCode!, body }), req.destroy()));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
    // control: the same malformed body on an OpenAI route keeps OpenAI's shape
    const openai = await post('/v1/chat/completions', '{"model": "claude-e2e", "messages": [');
    expect(openai.status).toBe(400);
    expect(await openai.json()).toMatchObject({ error: { type: 'invalid_request_error', code: expect.any(String) } });
  });
});
