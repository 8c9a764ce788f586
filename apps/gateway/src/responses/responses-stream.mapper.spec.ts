import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '@helix/providers';
import { responseBase } from './response-object.js';
import { ResponsesStreamMapper } from './responses-stream.mapper.js';

const base = responseBase('id-1', 'gpt-test', { model: 'gpt-test', input: 'x' });
const chunk = (delta: ChatCompletionChunk['choices'][number]['delta'], finish: string | null = null): ChatCompletionChunk => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'up', choices: [{ index: 0, delta, finish_reason: finish }] });
const usage: ChatCompletionChunk = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'up', choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } };

const run = (chunks: ChatCompletionChunk[]) => {
  const m = new ResponsesStreamMapper(base);
  return [...chunks.flatMap((c) => m.map(c)), ...m.end()];
};

describe('ResponsesStreamMapper', () => {
  it('streams text with every lifecycle event, numbered in sequence, ending with the whole response', () => {
    const events = run([chunk({ role: 'assistant', content: '' }), chunk({ content: 'Hi ' }), chunk({ content: 'there' }), chunk({}, 'stop'), usage]);
    expect(events.map((e) => e.type)).toEqual([
      'response.created', 'response.in_progress', 'response.output_item.added', 'response.content_part.added',
      'response.output_text.delta', 'response.output_text.delta', 'response.output_text.done', 'response.content_part.done',
      'response.output_item.done', 'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual([...events.keys()]);
    expect(events[0]).toMatchObject({ response: { id: 'resp_id1', status: 'in_progress', output: [], usage: null } });
    expect(events[2]).toMatchObject({ output_index: 0, item: { type: 'message', id: 'msg_id1_0', status: 'in_progress', content: [] } });
    expect(events[4]).toMatchObject({ item_id: 'msg_id1_0', output_index: 0, content_index: 0, delta: 'Hi ' });
    expect(events[6]).toMatchObject({ text: 'Hi there' });
    expect(events[8]).toMatchObject({ item: { status: 'completed', content: [{ type: 'output_text', text: 'Hi there' }] } });
    expect(events[9]).toMatchObject({ response: { status: 'completed', output: [{ type: 'message', content: [{ text: 'Hi there' }] }], usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 } } });
  });

  it('streams tool calls as function_call items with argument deltas, one item per call', () => {
    const events = run([
      chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'f', arguments: '{"a"' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] }),
      chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'g', arguments: '{}' } }] }),
      chunk({}, 'tool_calls'),
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'response.created', 'response.in_progress',
      'response.output_item.added', 'response.function_call_arguments.delta', 'response.function_call_arguments.delta', 'response.function_call_arguments.done', 'response.output_item.done',
      'response.output_item.added', 'response.function_call_arguments.delta', 'response.function_call_arguments.done', 'response.output_item.done',
      'response.completed',
    ]);
    expect(events[2]).toMatchObject({ item: { type: 'function_call', call_id: 'call_a', name: 'f', arguments: '', status: 'in_progress' } });
    expect(events[5]).toMatchObject({ name: 'f', arguments: '{"a":1}', output_index: 0 });
    expect(events[10]).toMatchObject({ output_index: 1, item: { call_id: 'call_b', arguments: '{}', status: 'completed' } });
  });

  it('ends a cut answer with response.incomplete, and an error as an error event in sequence', () => {
    const m = new ResponsesStreamMapper(base);
    const events = [...m.map(chunk({ content: 'x' }, 'length')), ...m.end()];
    expect(events.at(-1)).toMatchObject({ type: 'response.incomplete', response: { incomplete_details: { reason: 'max_output_tokens' } } });
    expect(m.error('upstream_error', 'boom', null)).toEqual({ type: 'error', sequence_number: events.length, code: 'upstream_error', message: 'boom', param: null });
  });
});
