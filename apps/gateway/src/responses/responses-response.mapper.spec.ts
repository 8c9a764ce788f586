import { describe, expect, it } from 'vitest';
import type { ChatCompletion } from '@helix/providers';
import { responseBase } from './response-object.js';
import { chatToResponse } from './responses-response.mapper.js';

const base = responseBase('0190-aaaa', 'gpt-test', { model: 'gpt-test', input: 'x', temperature: 0.5, metadata: { k: 'v' } });
const completion = (message: ChatCompletion['choices'][number]['message'], finish: string): ChatCompletion => ({
  id: 'c',
  object: 'chat.completion',
  created: 1,
  model: 'up',
  choices: [{ index: 0, message, finish_reason: finish }],
  usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13, prompt_tokens_details: { cached_tokens: 2 } },
});

describe('chatToResponse', () => {
  it('maps text to a message item with output_text, usage and the echoed request', () => {
    const r = chatToResponse(completion({ role: 'assistant', content: 'Hello' }, 'stop'), base);
    expect(r).toMatchObject({
      id: 'resp_0190aaaa',
      object: 'response',
      status: 'completed',
      incomplete_details: null,
      model: 'gpt-test',
      output: [{ type: 'message', id: 'msg_0190aaaa_0', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello', annotations: [] }] }],
      usage: { input_tokens: 9, input_tokens_details: { cached_tokens: 2 }, output_tokens: 4, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 13 },
      temperature: 0.5,
      metadata: { k: 'v' },
      store: false,
      previous_response_id: null,
    });
  });

  it('maps tool calls to function_call items, and a cut answer to incomplete', () => {
    const r = chatToResponse(completion({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] }, 'tool_calls'), base);
    expect(r.output).toEqual([{ type: 'function_call', id: 'fc_0190aaaa_0', call_id: 'call_1', name: 'f', arguments: '{}', status: 'completed' }]);
    const cut = chatToResponse(completion({ role: 'assistant', content: 'par' }, 'length'), base);
    expect(cut).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });
});
