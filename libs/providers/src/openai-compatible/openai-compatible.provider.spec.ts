import { describe, expect, it } from 'vitest';
import type { Deployment } from '../provider.js';
import { openAICompatible } from './openai-compatible.provider.js';

const provider = openAICompatible({
  id: 'acme',
  name: 'Acme',
  defaultBaseUrl: 'https://acme.test/v1/',
  params: { logit_bias: { drop: true }, temperature: { max: 1 } },
  headers: (dep) => ({ authorization: `Bearer ${dep.apiKey}` }),
});
const dep: Deployment = { id: 'd1', provider: 'acme', model: 'acme-large', baseUrl: '', apiKey: 'k1', headers: { 'x-extra': 'e' }, timeoutMs: 5000 };
const messages = [{ role: 'user' as const, content: 'hi' }];
const bodyOf = (r: { request: { body?: string } }) => JSON.parse(r.request.body!);

describe('openAICompatible', () => {
  it('maps a chat request: upstream model, table rules, unknown fields kept, headers, URL', () => {
    const out = provider.chatRequest({ model: 'alias', messages, temperature: 2, logit_bias: {}, custom_field: 7 }, dep, { stream: false, includeUsage: false });
    expect(out.dropped).toEqual(['logit_bias']);
    expect(out.request).toMatchObject({
      url: 'https://acme.test/v1/chat/completions',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer k1', 'x-extra': 'e' },
    });
    expect(bodyOf(out)).toEqual({ model: 'acme-large', messages, temperature: 1, custom_field: 7 });
  });

  it('asks for usage on streams when told to, keeping other stream options', () => {
    const withUsage = provider.chatRequest({ model: 'a', messages, stream: true }, dep, { stream: true, includeUsage: true });
    expect(bodyOf(withUsage)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    const without = provider.chatRequest({ model: 'a', messages, stream: true, stream_options: { include_usage: true } }, dep, { stream: true, includeUsage: false });
    expect(bodyOf(without)).not.toHaveProperty('stream_options');
    const other = provider.chatRequest({ model: 'a', messages, stream: true, stream_options: { include_obfuscation: false } }, dep, { stream: true, includeUsage: true });
    expect(bodyOf(other).stream_options).toEqual({ include_obfuscation: false, include_usage: true });
    const off = provider.chatRequest({ model: 'a', messages, stream: true }, { ...dep, options: { streamUsage: false } }, { stream: true, includeUsage: true });
    expect(bodyOf(off)).not.toHaveProperty('stream_options');
  });

  it('never streams upstream when the gateway asked for JSON', () => {
    const out = provider.chatRequest({ model: 'a', messages, stream: true, stream_options: { include_usage: true } }, dep, { stream: false, includeUsage: false });
    expect(bodyOf(out)).not.toHaveProperty('stream');
    expect(bodyOf(out)).not.toHaveProperty('stream_options');
  });

  it('maps a response with usage and the model that answered; rejects a body that is not a completion', () => {
    const json = { id: 'c', object: 'chat.completion', created: 1, model: 'acme-large-002', choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } };
    expect(provider.chatResponse(json, dep)).toMatchObject({ body: json, model: 'acme-large-002', usage: { inputTokens: 3, outputTokens: 4 } });
    expect(() => provider.chatResponse({ error: 'x' }, dep)).toThrow(/invalid chat completion/);
  });

  it('maps embeddings both ways', () => {
    const req = provider.embeddingsRequest({ model: 'alias', input: ['a'], dimensions: 8 }, dep);
    expect(req.url).toBe('https://acme.test/v1/embeddings');
    expect(JSON.parse(req.body!)).toEqual({ model: 'acme-large', input: ['a'], dimensions: 8 });
    const json = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [1] }], model: 'e', usage: { prompt_tokens: 2, total_tokens: 2 } };
    expect(provider.embeddingsResponse(json, dep).usage).toMatchObject({ inputTokens: 2, outputTokens: 0 });
  });

  it('prefers the deployment base URL and fails clearly without any', () => {
    expect(provider.chatRequest({ model: 'a', messages }, { ...dep, baseUrl: 'http://127.0.0.1:1/v1' }, { stream: false, includeUsage: false }).request.url).toBe(
      'http://127.0.0.1:1/v1/chat/completions',
    );
    const bare = openAICompatible({ id: 'x', headers: () => ({}) });
    expect(() => bare.chatRequest({ model: 'a', messages }, dep, { stream: false, includeUsage: false })).toThrow(/no baseUrl/);
  });
});
