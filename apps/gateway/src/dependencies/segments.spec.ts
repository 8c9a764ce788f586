import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '@helix/providers';
import { applySegments, textSegments } from './segments.js';

const body: ChatRequest = {
  model: 'm',
  messages: [
    { role: 'system', content: 'sys' },
    { role: 'user', content: [{ type: 'text', text: 'hello Ada' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] },
    { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{"email":"a@b.c"}' } }] },
    { role: 'tool', tool_call_id: 'c', content: 'result for a@b.c' },
  ],
};

describe('text segments', () => {
  it('takes every text a person could have typed, and no image', () => {
    expect(textSegments(body).map((s) => [s.path, s.text])).toEqual([
      ['messages.0.content', 'sys'],
      ['messages.1.content.0.text', 'hello Ada'],
      ['messages.2.tool_calls.0.function.arguments', '{"email":"a@b.c"}'],
      ['messages.3.content', 'result for a@b.c'],
    ]);
  });

  it('puts redacted text back without touching the original body', () => {
    const red = textSegments(body).map((s) => ({ ...s, text: s.text.replace('Ada', '<PERSON_1>').replace(/a@b\.c/g, '<EMAIL_ADDRESS_1>') }));
    const out = applySegments(body, red);
    expect(out.messages[1]!.content).toEqual([{ type: 'text', text: 'hello <PERSON_1>' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }]);
    expect(out.messages[2]!.tool_calls![0]!.function.arguments).toBe('{"email":"<EMAIL_ADDRESS_1>"}');
    expect(out.messages[3]!.content).toBe('result for <EMAIL_ADDRESS_1>');
    expect((body.messages[1]!.content as { text: string }[])[0]!.text).toBe('hello Ada');
    expect(out.messages[0]).toBe(body.messages[0]);
  });
});
