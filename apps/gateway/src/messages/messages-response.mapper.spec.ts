import { describe, expect, it } from 'vitest';
import { HelixError } from '@helix/contracts';
import type { ChatCompletion } from '@helix/providers';
import { anthropicErrorBody } from './anthropic-error.js';
import { chatToMessage } from './messages-response.mapper.js';

const completion = (message: ChatCompletion['choices'][number]['message'], finish: string, usage?: ChatCompletion['usage']): ChatCompletion => ({
  id: 'chatcmpl-abc',
  object: 'chat.completion',
  created: 1,
  model: 'upstream-model',
  choices: [{ index: 0, message, finish_reason: finish }],
  usage,
});

describe('chatToMessage', () => {
  it('maps text, stop reason and usage (input without cached tokens), named by the requested model', () => {
    const msg = chatToMessage(completion({ role: 'assistant', content: 'Hello' }, 'stop', { prompt_tokens: 30, completion_tokens: 5, total_tokens: 35, prompt_tokens_details: { cached_tokens: 10 } }), 'claude-test');
    expect(msg).toEqual({
      id: 'msg_abc',
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [{ type: 'text', text: 'Hello' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 20, output_tokens: 5, cache_read_input_tokens: 10, cache_creation_input_tokens: 0 },
    });
  });

  it('maps tool calls to tool_use blocks and every finish reason', () => {
    const msg = chatToMessage(completion({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }] }, 'tool_calls'), 'm');
    expect(msg.content).toEqual([{ type: 'tool_use', id: 'call_1', name: 'f', input: { a: 1 } }]);
    expect(msg.stop_reason).toBe('tool_use');
    const reason = (f: string) => chatToMessage(completion({ role: 'assistant', content: 'x' }, f), 'm').stop_reason;
    expect([reason('length'), reason('content_filter'), reason('stop')]).toEqual(['max_tokens', 'refusal', 'end_turn']);
  });
});

describe('anthropicErrorBody', () => {
  it('gives the Anthropic type for each status', () => {
    const type = (status: number) => anthropicErrorBody(new HelixError(status, 'x', 'm')).error.type;
    expect([400, 401, 403, 404, 413, 429, 500, 502, 503, 504].map(type)).toEqual([
      'invalid_request_error', 'authentication_error', 'permission_error', 'not_found_error', 'request_too_large', 'rate_limit_error', 'api_error', 'api_error', 'overloaded_error', 'timeout_error',
    ]);
    expect(anthropicErrorBody(new HelixError(429, 'rate_limit_error', 'slow down'))).toEqual({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } });
  });
});
