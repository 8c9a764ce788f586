import { describe, expect, it } from 'vitest';
import { messagesToChat } from './messages-request.mapper.js';
import type { MessagesRequest } from './anthropic.types.js';

const base = { model: 'claude-test', max_tokens: 100 };

describe('messagesToChat', () => {
  it('maps system, text, images, parameters and streaming (with usage asked for)', () => {
    const req: MessagesRequest = {
      ...base,
      system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Be kind.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }] }],
      temperature: 0.2,
      top_p: 0.9,
      top_k: 5,
      stop_sequences: ['END'],
      stream: true,
      metadata: { user_id: 'u-1' },
      thinking: { type: 'enabled', budget_tokens: 1000 },
    };
    expect(messagesToChat(req)).toEqual({
      model: 'claude-test',
      max_tokens: 100,
      messages: [
        { role: 'system', content: 'Be brief.\nBe kind.' },
        { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      top_p: 0.9,
      stop: ['END'],
      user: 'u-1',
    });
  });

  it('maps a tool conversation: tools, tool_choice, tool_use turns and tool results (errors marked)', () => {
    const req: MessagesRequest = {
      ...base,
      tools: [{ name: 'get_weather', description: 'Weather by city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true },
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        { role: 'assistant', content: [{ type: 'thinking' }, { type: 'text', text: 'Checking.' }, { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }, { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Rome' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '18C' }, { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: 'down' }], is_error: true }, { type: 'text', text: 'Thanks' }] },
      ],
    };
    const chat = messagesToChat(req);
    expect(chat.tools).toEqual([{ type: 'function', function: { name: 'get_weather', description: 'Weather by city', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }]);
    expect(chat.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    expect(chat.parallel_tool_calls).toBe(false);
    expect(chat.messages).toEqual([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: '18C' },
      { role: 'tool', tool_call_id: 'toolu_2', content: 'Error: down' },
      { role: 'user', content: 'Thanks' },
    ]);
  });

  it('maps tool_choice any/auto/none', () => {
    const choice = (type: 'any' | 'auto' | 'none') => messagesToChat({ ...base, messages: [{ role: 'user', content: 'x' }], tool_choice: { type } }).tool_choice;
    expect([choice('any'), choice('auto'), choice('none')]).toEqual(['required', 'auto', 'none']);
  });

  it('refuses server tools and document blocks, naming the param', () => {
    expect(() => messagesToChat({ ...base, messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'web_search_20250305', name: 'web_search', input_schema: {} }] })).toThrow(
      expect.objectContaining({ status: 400, param: 'tools[0].type', code: 'unsupported_tool' }),
    );
    const doc = { role: 'user', content: [{ type: 'document', source: {} }] } as unknown as MessagesRequest['messages'][number];
    expect(() => messagesToChat({ ...base, messages: [doc] })).toThrow(expect.objectContaining({ status: 400, param: 'messages[0].content[0]' }));
  });
});
