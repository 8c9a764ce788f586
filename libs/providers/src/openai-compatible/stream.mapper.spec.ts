import { describe, expect, it } from 'vitest';
import { OpenAIStreamMapper, UpstreamStreamError } from './stream.mapper.js';

const chunk = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] };

describe('OpenAIStreamMapper', () => {
  const mapper = new OpenAIStreamMapper();

  it('passes chunks through and ends on [DONE]', () => {
    expect(mapper.map({ data: JSON.stringify(chunk) })).toEqual({ chunks: [chunk] });
    expect(mapper.map({ data: '[DONE]' })).toEqual({ chunks: [], done: true });
  });

  it('yields usage from a usage chunk, normalising a missing or null choices to []', () => {
    const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 };
    for (const choices of [[], null, undefined]) {
      const out = mapper.map({ data: JSON.stringify({ ...chunk, choices, usage }) });
      expect(out.usage).toMatchObject({ inputTokens: 5, outputTokens: 2 });
      expect(out.chunks[0].choices).toEqual([]);
    }
    expect(mapper.map({ data: JSON.stringify({ ...chunk, usage: null }) }).usage).toBeUndefined();
  });

  it('skips empty data and foreign event types', () => {
    expect(mapper.map({ data: '' })).toEqual({ chunks: [] });
    expect(mapper.map({ event: 'ping', data: '{}' })).toEqual({ chunks: [] });
  });

  it('throws an UpstreamStreamError carrying an OpenAI error for error events and non-JSON data', () => {
    const err = (() => {
      try {
        mapper.map({ data: JSON.stringify({ error: { message: 'overloaded', type: 'server_error', code: 'overloaded' } }) });
      } catch (e) {
        return e as UpstreamStreamError;
      }
    })();
    expect(err).toBeInstanceOf(UpstreamStreamError);
    expect(err!.body.error).toMatchObject({ type: 'server_error', code: 'overloaded', message: expect.stringContaining('overloaded') });
    expect(() => mapper.map({ data: '{not json' })).toThrow(UpstreamStreamError);
    expect(() => mapper.map({ event: 'error', data: '{"message":"boom"}' })).toThrow(/boom/);
  });
});
