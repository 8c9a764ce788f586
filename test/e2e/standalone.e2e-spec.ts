import { request } from 'node:http';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionKey } from './support/admin-client.js';
import { spawnHelix, type HelixProcess } from './support/helix-process.js';

let helix: HelixProcess;
let member: OpenAI;
let memberKey: string;

beforeAll(async () => {
  helix = await spawnHelix('standalone');
  memberKey = (await provisionKey(helix.url, helix.masterKey())).key;
  member = new OpenAI({ apiKey: memberKey, baseURL: `${helix.url}/v1`, maxRetries: 0 });
});
afterAll(() => helix?.dispose());

const post = (path: string, key: string | undefined, body: string, headers: Record<string, string> = {}) =>
  fetch(`${helix.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body,
  });

describe('the embedded default (npm start) with the openai client', () => {
  it('printed the master key once, with how to use it', () => {
    expect(helix.logs()).toContain(helix.masterKey());
    expect(helix.logs().split(helix.masterKey()).length - 1).toBeLessThanOrEqual(2);
    expect(helix.logs()).toMatch(/Authorization: Bearer/);
  });

  it('answers a chat completion with the mock model, with a request id', async () => {
    const { data, response } = await member.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'Say hello to the team' }] })
      .withResponse();
    expect(data.choices[0]!.message.content).toContain('Say hello to the team');
    expect(data.usage?.total_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-helix-deployment')).toBe('mock/mock-gpt');
  });

  it('keeps an inbound x-request-id as the correlation id', async () => {
    const { response } = await member.chat.completions
      .create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-request-id': 'client-corr-42' } })
      .withResponse();
    expect(response.headers.get('x-request-id')).toBe('client-corr-42');
  });

  it('streams, with usage only when asked for', async () => {
    const collect = async (includeUsage: boolean) => {
      const stream = await member.chat.completions.create({
        model: 'mock-gpt',
        messages: [{ role: 'user', content: 'stream me a story' }],
        stream: true,
        ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
      });
      let text = '';
      let usageChunks = 0;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        if (chunk.usage) usageChunks++;
      }
      return { text, usageChunks };
    };
    const plain = await collect(false);
    expect(plain.text).toContain('stream me a story');
    expect(plain.usageChunks).toBe(0);
    expect((await collect(true)).usageChunks).toBe(1);
  });

  it('passes tools through and returns the tool call', async () => {
    const res = await member.chat.completions.create({
      model: 'mock-gpt',
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
      tool_choice: 'auto',
    });
    expect(res.choices[0]!.finish_reason).toBe('tool_calls');
    expect(res.choices[0]!.message.tool_calls?.[0]).toMatchObject({ type: 'function', function: { name: 'get_weather' } });
  });

  it('makes embeddings and lists models', async () => {
    const emb = await member.embeddings.create({ model: 'mock-embedding', input: ['a', 'b'] });
    expect(emb.data).toHaveLength(2);
    expect(emb.data[0]!.embedding.length).toBeGreaterThan(0);
    const models = await member.models.list();
    expect(models.data.map((m) => m.id)).toEqual(expect.arrayContaining(['mock-gpt', 'mock-embedding']));
    expect((await member.models.retrieve('mock-gpt')).id).toBe('mock-gpt');
    await expect(member.models.retrieve('no-such-model')).rejects.toMatchObject({ status: 404 });
  });

  it('takes a 3 MB prompt', async () => {
    const big = 'lorem ipsum '.repeat(260_000);
    expect(big.length).toBeGreaterThan(3_000_000);
    const res = await member.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: big }] });
    expect(res.choices[0]!.message.content).toContain('lorem ipsum');
  });

  describe('error paths, each in the OpenAI shape', () => {
    const chat = JSON.stringify({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x' }] });

    it.each([
      ['no key', undefined, chat, 401, 'invalid_api_key'],
      ['an unknown key', 'hx-not-a-real-key-000000000000000000000000000', chat, 401, 'invalid_api_key'],
      ['an unknown model', 'member', JSON.stringify({ model: 'gpt-nope', messages: [{ role: 'user', content: 'x' }] }), 404, 'model_not_found'],
      ['a body without messages', 'member', JSON.stringify({ model: 'mock-gpt' }), 400, 'missing_required_parameter'],
      ['a malformed JSON body', 'member', '{"model": "mock-gpt", "messages": [', 400, 'invalid_json'],
      ['an embeddings model on chat', 'member', JSON.stringify({ model: 'mock-embedding', messages: [{ role: 'user', content: 'x' }] }), 400, 'model_not_supported'],
    ])('%s', async (_, who, body, status, code) => {
      const res = await post('/v1/chat/completions', who === 'member' ? memberKey : who, body);
      expect(res.status).toBe(status);
      const json = (await res.json()) as { error: { message: string; type: string; code: string; param: string | null } };
      expect(json.error).toMatchObject({ code });
      expect(typeof json.error.message).toBe('string');
      expect(res.headers.get('x-request-id')).toBeTruthy();
    });

    it('answers a body over the limit with a 413 (read before the client finished sending)', async () => {
      const body = JSON.stringify({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x'.repeat(5 * 1024 * 1024) }] });
      const { status, text } = await rawPost(`${helix.url}/v1/chat/completions`, memberKey, body);
      expect(status).toBe(413);
      expect(JSON.parse(text).error.code).toBe('payload_too_large');
    });

    it('names the bad param', async () => {
      const res = await post('/v1/chat/completions', memberKey, JSON.stringify({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x' }], temperature: 7 }));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe('temperature');
    });

    it('refuses a role that may not call inference, and a model the key may not use', async () => {
      const analyst = await provisionKey(helix.url, helix.masterKey(), { role: 'analyst' });
      expect((await post('/v1/chat/completions', analyst.key, chat)).status).toBe(403);
      const limited = await provisionKey(helix.url, helix.masterKey(), { models: ['mock-embedding'] });
      const denied = await post('/v1/chat/completions', limited.key, chat);
      expect(denied.status).toBe(403);
      expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('permission_denied');
      expect((await post('/v1/embeddings', limited.key, JSON.stringify({ model: 'mock-embedding', input: 'x' }))).status).toBe(200);
    });

    it('rate-limits with a 429, Retry-After and x-ratelimit headers', async () => {
      const limited = await provisionKey(helix.url, helix.masterKey(), { rpm: 2 });
      const first = await post('/v1/chat/completions', limited.key, chat);
      expect(first.status).toBe(200);
      expect(first.headers.get('x-ratelimit-limit-requests')).toBe('2');
      expect(first.headers.get('x-ratelimit-remaining-requests')).toBe('1');
      expect((await post('/v1/chat/completions', limited.key, chat)).status).toBe(200);
      const third = await post('/v1/chat/completions', limited.key, chat);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await third.json()) as { error: { type: string; code: string } }).error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
      const client = new OpenAI({ apiKey: limited.key, baseURL: `${helix.url}/v1`, maxRetries: 0 });
      await expect(client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 429 });
    });
  });
});

/**
 * A POST that announces a body of `body.length` bytes but sends only its first
 * chunk, then reads the answer: the gateway must refuse from Content-Length alone
 * (fetch would report the early answer as EPIPE while it is still uploading).
 */
function rawPost(url: string, key: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${key}` },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, text });
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.write(body.slice(0, 1024));
  });
}
