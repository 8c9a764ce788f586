import { describe, expect, it } from 'vitest';
import { countChatTokens, encodingFor, estimateTokens } from './token-count.js';

describe('token counting', () => {
  it('picks o200k_base for the gpt-4o family and cl100k_base otherwise', () => {
    expect(encodingFor('gpt-4o-mini')).toBe('o200k_base');
    expect(encodingFor('openai/gpt-4.1')).toBe('o200k_base');
    expect(encodingFor('o3-mini')).toBe('o200k_base');
    expect(encodingFor('gpt-4-turbo')).toBe('cl100k_base');
    expect(encodingFor('llama3.1:8b')).toBe('cl100k_base');
  });

  it('counts text with the encoding of the model, special-token text included', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('hello world', 'gpt-4o')).toBe(2);
    expect(estimateTokens('hello <|endoftext|>', 'gpt-4o')).toBeGreaterThan(2);
    const text = 'Schadenfreude über Ärger 日本語のテキスト';
    expect(estimateTokens(text, 'gpt-4o')).not.toBe(estimateTokens(text, 'gpt-4'));
  });

  it('counts chat prompts like OpenAI does (cookbook framing)', () => {
    // OpenAI reports 8 prompt tokens for a single "Hello" user message on gpt-4o.
    expect(countChatTokens({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] })).toBe(8);
    const withParts = countChatTokens({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }, { type: 'image_url', image_url: { url: 'x' } }] }],
    });
    expect(withParts).toBe(8 + 85);
    const withTools = countChatTokens({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }], tools: [{ type: 'function', function: { name: 'f' } }] });
    expect(withTools).toBeGreaterThan(8);
  });
});
