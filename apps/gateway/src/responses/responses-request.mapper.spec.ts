import { describe, expect, it } from 'vitest';
import { responsesToChat } from './responses-request.mapper.js';
import type { ResponsesRequest } from './responses.types.js';

describe('responsesToChat', () => {
  it('maps text input, instructions and parameters (streams ask for usage)', () => {
    const req: ResponsesRequest = { model: 'm', input: 'Hi', instructions: 'Be brief.', temperature: 0.3, top_p: 0.8, max_output_tokens: 50, stream: true, user: 'u', reasoning: { effort: 'low' }, store: false };
    expect(responsesToChat(req)).toEqual({
      model: 'm',
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      top_p: 0.8,
      max_completion_tokens: 50,
      user: 'u',
      reasoning_effort: 'low',
    });
  });

  it('maps message items with parts, function calls (merged into the assistant turn) and their outputs, tools and formats', () => {
    const req: ResponsesRequest = {
      model: 'm',
      input: [
        { role: 'user', content: [{ type: 'input_text', text: 'Weather?' }, { type: 'input_image', image_url: 'https://x/img.png', detail: 'low' }] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Checking.' }] },
        { type: 'function_call', call_id: 'c1', name: 'w', arguments: '{"city":"Oslo"}' },
        { type: 'function_call', call_id: 'c2', name: 'w', arguments: '{"city":"Rome"}' },
        { type: 'function_call_output', call_id: 'c1', output: '5C' },
        { type: 'function_call_output', call_id: 'c2', output: [{ type: 'input_text', text: '20C' }] },
      ],
      tools: [{ type: 'function', name: 'w', description: 'weather', parameters: { type: 'object' }, strict: true }],
      tool_choice: { type: 'function', name: 'w' },
      parallel_tool_calls: false,
      text: { format: { type: 'json_schema', name: 'out', schema: { type: 'object' }, strict: true } },
    };
    const chat = responsesToChat(req);
    expect(chat.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }, { type: 'image_url', image_url: { url: 'https://x/img.png', detail: 'low' } }] },
      {
        role: 'assistant',
        content: [{ type: 'text', text: 'Checking.' }],
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'w', arguments: '{"city":"Oslo"}' } },
          { id: 'c2', type: 'function', function: { name: 'w', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: '5C' },
      { role: 'tool', tool_call_id: 'c2', content: '20C' },
    ]);
    expect(chat.tools).toEqual([{ type: 'function', function: { name: 'w', description: 'weather', parameters: { type: 'object' }, strict: true } }]);
    expect(chat.tool_choice).toEqual({ type: 'function', function: { name: 'w' } });
    expect(chat.parallel_tool_calls).toBe(false);
    expect(chat.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'out', schema: { type: 'object' }, strict: true, description: undefined } });
    expect(responsesToChat({ model: 'm', input: 'x', text: { format: { type: 'json_object' } } }).response_format).toEqual({ type: 'json_object' });
  });

  it('refuses stored state, background mode, built-in tools and unknown items with a 400 naming the param', () => {
    const refused = (extra: Partial<ResponsesRequest>, param: string) =>
      expect(() => responsesToChat({ model: 'm', input: 'x', ...extra })).toThrow(expect.objectContaining({ status: 400, param, code: 'unsupported_parameter' }));
    refused({ previous_response_id: 'resp_1' }, 'previous_response_id');
    refused({ store: true }, 'store');
    refused({ background: true }, 'background');
    refused({ conversation: 'conv_1' }, 'conversation');
    refused({ tools: [{ type: 'web_search' }] }, 'tools[0].type');
    refused({ tool_choice: { type: 'web_search' } }, 'tool_choice');
    refused({ input: [{ type: 'reasoning' }] }, 'input[0].type');
    refused({ input: [{ role: 'user', content: [{ type: 'input_file' }] }] }, 'input[0].content[0].type');
  });
});
