import { describe, expect, it } from 'vitest';
import { noUsage, normalizeUsage, usageMissing } from './usage.js';

describe('normalizeUsage', () => {
  it('maps OpenAI usage with cached and reasoning tokens', () => {
    expect(
      normalizeUsage({
        prompt_tokens: 2006,
        completion_tokens: 300,
        total_tokens: 2306,
        prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 192, audio_tokens: 0 },
      }),
    ).toEqual({ inputTokens: 2006, outputTokens: 300, cacheReadTokens: 1920, cacheWriteTokens: 0, reasoningTokens: 192, estimated: false });
  });

  it('reads cache writes reported by compatible servers and ignores junk values', () => {
    const u = normalizeUsage({ prompt_tokens: 10, completion_tokens: -3, prompt_tokens_details: { cache_write_tokens: 8 } });
    expect(u).toMatchObject({ inputTokens: 10, outputTokens: 0, cacheWriteTokens: 8 });
  });

  it('gives zeros for missing usage, which usageMissing recognises; real usage is not missing', () => {
    expect(normalizeUsage(undefined)).toEqual(noUsage());
    expect(normalizeUsage(null)).toEqual(noUsage());
    expect(usageMissing(normalizeUsage(undefined))).toBe(true);
    expect(usageMissing(normalizeUsage({ prompt_tokens: 5, completion_tokens: 0 }))).toBe(false);
    expect(usageMissing({ ...noUsage(), estimated: true })).toBe(false);
  });
});
