import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '@helix/providers';
import { markPromptCache } from './prompt-cache.js';

const long = 'You are a careful assistant. '.repeat(200);
const body = (system = long): ChatRequest => ({ model: 'm', messages: [{ role: 'system', content: system }, { role: 'user', content: 'hi' }] });

describe('markPromptCache', () => {
  it('marks the last block of the system prompt for Anthropic-style providers', () => {
    const out = markPromptCache(body(), 'anthropic', 1_000);
    expect(out.messages[0]!.content).toEqual([{ type: 'text', text: long, cache_control: { type: 'ephemeral' } }]);
    expect(out.messages[1]).toEqual({ role: 'user', content: 'hi' });
  });

  it('gives OpenAI a prompt_cache_key from the prefix, the same for the same prefix', () => {
    const a = markPromptCache(body(), 'openai', 1_000);
    expect(a.prompt_cache_key).toMatch(/^helix-[0-9a-f]{32}$/);
    expect(markPromptCache(body(), 'openai', 1_000).prompt_cache_key).toBe(a.prompt_cache_key);
    expect(markPromptCache(body(long + 'x'), 'openai', 1_000).prompt_cache_key).not.toBe(a.prompt_cache_key);
  });

  it('leaves short prefixes, other providers and client-marked prompts alone', () => {
    expect(markPromptCache(body('short'), 'anthropic', 1_000)).toEqual(body('short'));
    expect(markPromptCache(body(), 'mock', 1_000)).toEqual(body());
    const marked: ChatRequest = { model: 'm', messages: [{ role: 'system', content: [{ type: 'text', text: long, cache_control: { type: 'ephemeral', ttl: '1h' } }] }] };
    expect(markPromptCache(marked, 'anthropic', 1_000)).toBe(marked);
  });
});
