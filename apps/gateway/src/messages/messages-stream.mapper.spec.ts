import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '@helix/providers';
import { MessagesStreamMapper } from './messages-stream.mapper.js';

const chunk = (delta: ChatCompletionChunk['choices'][number]['delta'], finish: string | null = null): ChatCompletionChunk => ({ id: 'chatcmpl-s1', object: 'chat.completion.chunk', created: 1, model: 'up', choices: [{ index: 0, delta, finish_reason: finish }] });
const usageChunk: ChatCompletionChunk = { id: 'chatcmpl-s1', object: 'chat.completion.chunk', created: 1, model: 'up', choices: [], usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 } };

const run = (chunks: ChatCompletionChunk[]) => {
  const m = new MessagesStreamMapper('claude-test', 11);
  return [...chunks.flatMap((c) => m.map(c)), ...m.end()];
};

describe('MessagesStreamMapper', () => {
  it('streams text as message_start, one text block with deltas, message_delta with usage, message_stop', () => {
    const events = run([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hel' }), chunk({ content: 'lo' }), chunk({}, 'stop'), usageChunk]);
    expect(events).toEqual([
      { type: 'message_start', message: { id: 'msg_s1', type: 'message', role: 'assistant', model: 'claude-test', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 11, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'lo' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { input_tokens: 12, output_tokens: 7, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 } },
      { type: 'message_stop' },
    ]);
  });

  it('streams text then two tool calls as separate blocks with input_json_delta, and stop_reason tool_use', () => {
    const events = run([
      chunk({ content: 'Let me check.' }),
      chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '{"x":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'g', arguments: '{}' } }] }),
      chunk({}, 'tool_calls'),
    ]);
    expect(events.map((e) => `${e.type}${'index' in e ? `:${e.index}` : ''}`)).toEqual([
      'message_start', 'content_block_start:0', 'content_block_delta:0', 'content_block_stop:0',
      'content_block_start:1', 'content_block_delta:1', 'content_block_delta:1', 'content_block_stop:1',
      'content_block_start:2', 'content_block_delta:2', 'content_block_stop:2', 'message_delta', 'message_stop',
    ]);
    expect(events[4]).toEqual({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'call_a', name: 'f', input: {} } });
    expect(events[5]).toEqual({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"x":' } });
    expect(events.at(-2)).toMatchObject({ delta: { stop_reason: 'tool_use' }, usage: { input_tokens: 11, output_tokens: 0 } });
  });

  it('still opens and closes the message when the stream had no chunk, and maps max_tokens', () => {
    expect(run([]).map((e) => e.type)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(run([chunk({ content: 'cut' }, 'length')]).at(-2)).toMatchObject({ delta: { stop_reason: 'max_tokens' } });
  });
});
