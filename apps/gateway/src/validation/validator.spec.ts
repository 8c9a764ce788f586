import { describe, expect, it } from 'vitest';
import { HelixError } from '@helix/contracts';
import { chatCompletionSchema, embeddingsSchema } from './schemas.js';
import { compileValidator, toParam } from './validator.js';

const chat = compileValidator(chatCompletionSchema);
const embeddings = compileValidator(embeddingsSchema);

function error(fn: () => unknown): HelixError {
  try {
    fn();
  } catch (e) {
    return e as HelixError;
  }
  throw new Error('expected a validation error');
}

describe('request validation', () => {
  it('accepts a full OpenAI request with unknown fields', () => {
    const body = {
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: '42' },
      ],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      tool_choice: { type: 'function', function: { name: 'f' } },
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
      n: 2, stop: ['a'], seed: 7, logprobs: true, top_logprobs: 2, user: 'u1', stream: true,
      stream_options: { include_usage: true }, some_vendor_field: { anything: 1 },
    };
    expect(chat(body)).toBe(body);
  });

  it.each([
    [{ messages: [{ role: 'user', content: 'x' }] }, 'model', 'missing_required_parameter'],
    [{ model: 'm', messages: [] }, 'messages', 'invalid_value'],
    [{ model: 'm', messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role', 'invalid_value'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'temperature', 'invalid_value'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], n: 1.5 }, 'n', 'invalid_value'],
    [{ model: 'm', messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].tool_call_id', 'missing_required_parameter'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function', function: {} }] }, 'tools[0].function.name', 'missing_required_parameter'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_schema' } }, 'response_format.json_schema', 'missing_required_parameter'],
    [{ model: 'm', messages: [{ role: 'user', content: 'x' }], max_tokens: 0 }, 'max_tokens', 'invalid_value'],
  ])('refuses %j naming %s', (body, param, code) => {
    const e = error(() => chat(body));
    expect(e).toBeInstanceOf(HelixError);
    expect(e.status).toBe(400);
    expect(e.param).toBe(param);
    expect(e.code).toBe(code);
    expect(e.toBody().error.type).toBe('invalid_request_error');
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'x', 3]) expect(error(() => chat(body)).status).toBe(400);
  });

  it('validates embeddings inputs', () => {
    expect(embeddings({ model: 'e', input: ['a', 'b'] })).toBeTruthy();
    expect(embeddings({ model: 'e', input: [1, 2, 3] })).toBeTruthy();
    expect(error(() => embeddings({ model: 'e', input: [] })).param).toBe('input');
    expect(error(() => embeddings({ model: 'e' })).param).toBe('input');
  });

  it('names nested params the OpenAI way', () => {
    expect(toParam('/messages/3/content/1/image_url', 'url')).toBe('messages[3].content[1].image_url.url');
  });
});
