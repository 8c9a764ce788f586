import { describe, expect, it } from 'vitest';
import { UpstreamStreamError } from '../openai-compatible/stream.mapper.js';
import type { ChatRequest, } from '../openai.types.js';
import type { Deployment } from '../provider.js';
import { anthropicProvider } from './anthropic.provider.js';

const dep: Deployment = { id: 'claude', provider: 'anthropic', model: 'claude-x', baseUrl: '', apiKey: 'sk-ant-k', timeoutMs: 1000 };
const hi: ChatRequest = { model: 'a', messages: [{ role: 'user', content: 'hi' }] };
const map = (req: Partial<ChatRequest>, d: Deployment = dep) => {
  const out = anthropicProvider.chatRequest({ ...hi, ...req }, d, { stream: false, includeUsage: false });
  return { body: JSON.parse(out.request.body!), dropped: out.dropped, request: out.request };
};
const schema = { type: 'object', properties: { a: { type: 'string' } } };

describe('anthropicProvider request mapping', () => {
  it('defaults to api.anthropic.com, 4096 max_tokens (or the deployment’s), beta headers and clamps temperature to 1', () => {
    const { body, request } = map({ temperature: 1.7 }, { ...dep, options: { beta: ['prompt-caching-2024-07-31', 'x'] } });
    expect(request.url).toBe('https://api.anthropic.com/v1/messages');
    expect(request.headers).toMatchObject({ 'x-api-key': 'sk-ant-k', 'anthropic-version': '2023-06-01', 'anthropic-beta': 'prompt-caching-2024-07-31,x' });
    expect(body).toMatchObject({ model: 'claude-x', max_tokens: 4096, temperature: 1 });
    expect(map({}, { ...dep, options: { maxTokens: 900 } }).body.max_tokens).toBe(900);
    expect(map({ max_tokens: 5, max_completion_tokens: 7 }).body.max_tokens).toBe(7);
  });

  it('maps response_format json_schema to output_config, and drops json_object and (when disabled) json_schema', () => {
    const rf = { type: 'json_schema', json_schema: { name: 'n', schema } };
    expect(map({ response_format: rf }).body.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(map({ response_format: { type: 'json_object' } })).toMatchObject({ dropped: ['response_format'] });
    const off = map({ response_format: rf }, { ...dep, options: { structuredOutputs: false } });
    expect(off.dropped).toEqual(['response_format']);
    expect(off.body).not.toHaveProperty('output_config');
    expect(map({ response_format: { type: 'text' } }).dropped).toEqual([]);
  });

  it('maps tool_choice none/required/function, user to metadata, and drops what Anthropic lacks', () => {
    const tools = [{ type: 'function', function: { name: 'f', parameters: schema } }];
    expect(map({ tools, tool_choice: 'none' }).body.tool_choice).toEqual({ type: 'none' });
    expect(map({ tools, tool_choice: 'required', parallel_tool_calls: false }).body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(map({ tools, tool_choice: { type: 'function', function: { name: 'f' } } }).body.tool_choice).toEqual({ type: 'tool', name: 'f' });
    expect(map({ tool_choice: 'required' }).body).not.toHaveProperty('tool_choice');
    const out = map({ user: 'u-1', seed: 3, frequency_penalty: 1, logit_bias: {} });
    expect(out.body.metadata).toEqual({ user_id: 'u-1' });
    expect(out.dropped.sort()).toEqual(['frequency_penalty', 'logit_bias', 'seed']);
  });

  it('refuses n > 1, audio and non-function tools with a 400 naming the field', () => {
    expect(() => map({ n: 2 })).toThrow(expect.objectContaining({ status: 400, param: 'n' }));
    expect(() => map({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AA', format: 'wav' } }] }] })).toThrow(
      expect.objectContaining({ status: 400, param: 'messages[0].content[0]', message: expect.stringContaining('audio/wav') }),
    );
    expect(() => map({ tools: [{ type: 'custom', custom: { name: 'x' } }] })).toThrow(expect.objectContaining({ param: 'tools[0]' }));
    expect(map({ n: 1 }).dropped).toEqual([]);
  });

  it('sends images inline or by URL, PDFs as documents, cache_control kept', () => {
    const { body } = map({
      messages: [
        { role: 'user', content: [
          { type: 'image_url', image_url: { url: 'data:image/webp;base64,UklG' }, cache_control: { type: 'ephemeral' } },
          { type: 'image_url', image_url: { url: 'https://example.test/a.png' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBER', filename: 'r.pdf' } },
        ] },
      ],
    });
    expect(body.messages[0].content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/webp', data: 'UklG' }, cache_control: { type: 'ephemeral' } },
      { type: 'image', source: { type: 'url', url: 'https://example.test/a.png' } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBER' }, title: 'r.pdf' },
    ]);
  });

  it('reports bad options at load', () => {
    expect(anthropicProvider.checkDeployment({ ...dep, options: { maxTokens: 0, beta: 3, structuredOutputs: 'yes' } })).toEqual([
      'options.beta must be a string or a list of strings',
      'options.maxTokens must be a number of at least 1',
      'options.structuredOutputs must be true or false',
    ]);
    expect(anthropicProvider.checkDeployment(dep)).toEqual([]);
    expect(() => map({}, { ...dep, options: { maxTokens: -1 } })).toThrow(/Deployment "claude" is misconfigured: options.maxTokens/);
  });
});

describe('anthropicProvider stream and error mapping', () => {
  it('throws an UpstreamStreamError for an error event mid-stream and for data that is not JSON', () => {
    const mapper = anthropicProvider.chatStream(dep);
    expect(mapper.map({ event: 'ping', data: '{"type":"ping"}' })).toEqual({ chunks: [] });
    const err = (() => {
      try {
        mapper.map({ event: 'error', data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' });
      } catch (e) {
        return e as UpstreamStreamError;
      }
    })();
    expect(err).toBeInstanceOf(UpstreamStreamError);
    expect(err!.body.error).toMatchObject({ code: 'overloaded_error', message: expect.stringContaining('Overloaded') });
    expect(() => mapper.map({ data: 'not json' })).toThrow(UpstreamStreamError);
  });

  it('falls back to the shared mapping for bodies that are not Anthropic errors', () => {
    expect(anthropicProvider.error(502, '<html>bad gateway</html>', dep)).toMatchObject({ status: 502, body: { error: { type: 'upstream_error', message: expect.stringContaining('bad gateway') } } });
    expect(anthropicProvider.error(401, '{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}', dep).status).toBe(502);
  });
});
