import { describe, expect, it } from 'vitest';
import { modelFamily } from './model-family.js';

describe('modelFamily', () => {
  it('drops dates, sizes and tiers', () => {
    expect(modelFamily('gpt-4o-mini')).toBe('gpt-4o');
    expect(modelFamily('gpt-4o-2024-08-06')).toBe('gpt-4o');
    expect(modelFamily('claude-3-5-haiku-20241022')).toBe('claude-3-5');
    expect(modelFamily('claude-3-5-sonnet-latest')).toBe('claude-3-5');
    expect(modelFamily('meta/llama-3-70b-instruct')).toBe('llama-3');
    expect(modelFamily('gemini-1.5-flash')).toBe(modelFamily('gemini-1.5-pro'));
  });

  it('keeps different generations apart', () => {
    expect(modelFamily('gpt-4.1-mini')).not.toBe(modelFamily('gpt-4o-mini'));
  });
});
