import { describe, expect, it } from 'vitest';
import { toConversation } from './conversation.js';

describe('toConversation', () => {
  it('lifts system and developer text out, names tool results from their calls and merges same-role turns', () => {
    const conv = toConversation([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Weather in Paris and Rome?' },
      { role: 'developer', content: [{ type: 'text', text: 'Use metric units.' }] },
      { role: 'assistant', content: 'Checking.', tool_calls: [
        { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        { id: 'c2', type: 'function', function: { name: 'weather', arguments: '' } },
      ] },
      { role: 'tool', tool_call_id: 'c1', content: '18C' },
      { role: 'tool', tool_call_id: 'c2', content: [{ type: 'text', text: '25C' }] },
      { role: 'user', content: 'Thanks' },
    ]);
    expect(conv.system).toEqual(['Be brief.', 'Use metric units.']);
    expect(conv.turns.map((t) => [t.role, t.parts.map((p) => p.kind)])).toEqual([
      ['user', ['text']],
      ['assistant', ['text', 'tool-call', 'tool-call']],
      ['user', ['tool-result', 'tool-result', 'text']],
    ]);
    expect(conv.turns[1].parts[2]).toMatchObject({ id: 'c2', name: 'weather', args: {} });
    expect(conv.turns[2].parts[1]).toMatchObject({ kind: 'tool-result', id: 'c2', name: 'weather', text: '25C' });
  });

  it('turns data URLs into media, keeps http URLs and cache_control, and reads audio and inline files', () => {
    const [turn] = toConversation([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' }, cache_control: { type: 'ephemeral' } },
          { type: 'image_url', image_url: { url: 'https://example.test/cat.jpg' } },
          { type: 'input_audio', input_audio: { data: 'UklGR', format: 'mp3' } },
          { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBER', filename: 'report.pdf' } },
          { type: 'text', text: '' },
        ],
      },
    ]).turns;
    expect(turn.parts).toEqual([
      { kind: 'media', mediaType: 'image/png', data: 'AAAA', param: 'messages[0].content[0]', cacheControl: { type: 'ephemeral' } },
      { kind: 'media-url', url: 'https://example.test/cat.jpg', param: 'messages[0].content[1]', cacheControl: undefined },
      { kind: 'media', mediaType: 'audio/mp3', data: 'UklGR', param: 'messages[0].content[2]', cacheControl: undefined },
      { kind: 'media', mediaType: 'application/pdf', data: 'JVBER', filename: 'report.pdf', param: 'messages[0].content[3]', cacheControl: undefined },
    ]);
  });

  it('refuses, with a 400 naming the field, what no provider can take', () => {
    const refuse = (messages: unknown[]) => {
      try {
        toConversation(messages as never);
      } catch (e) {
        return e as { status: number; param: string };
      }
      throw new Error('accepted');
    };
    expect(refuse([{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{oops' } }] }])).toMatchObject({ status: 400, param: 'messages[0].tool_calls[0].function.arguments' });
    expect(refuse([{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }])).toMatchObject({ status: 400, param: 'messages[0].content[0]' });
    expect(refuse([{ role: 'user', content: 'x' }, { role: 'function', name: 'f', content: '1' }])).toMatchObject({ param: 'messages[1].role' });
    expect(refuse([{ role: 'tool', content: 'x' }])).toMatchObject({ param: 'messages[0].tool_call_id' });
    expect(refuse([{ role: 'system', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,A' } }] }])).toMatchObject({ param: 'messages[0].content[0]' });
  });
});
