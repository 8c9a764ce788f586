import { describe, expect, it } from 'vitest';
import { parseLiteLlmCatalog } from './litellm-catalog.js';

describe('parseLiteLlmCatalog', () => {
  it('prices models with input and output prices and reports bad ones instead of pricing them at $0', () => {
    const { prices, issues } = parseLiteLlmCatalog(
      {
        sample_spec: { input_cost_per_token: 0 },
        good: { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
        negative: { input_cost_per_token: -1e-6, output_cost_per_token: 2e-6 },
        text: { input_cost_per_token: '1e-6', output_cost_per_token: 2e-6 },
        subPico: { input_cost_per_token: 1e-15, output_cost_per_token: 2e-6 },
        imageOnly: { output_cost_per_image: 0.04 },
      },
      'v1',
    );
    expect([...prices.keys()]).toEqual(['good']);
    expect(prices.get('good')).toMatchObject({ input: 1_000_000n, output: 2_000_000n, cacheRead: 1_000_000n, cacheWrite: 1_000_000n, reasoning: 2_000_000n, version: 'v1' });
    expect(issues.map((i) => `${i.model}.${i.field}`)).toEqual(['negative.input_cost_per_token', 'text.input_cost_per_token', 'subPico.input_cost_per_token']);
  });

  it('reads every *_above_<N>k_tokens tier, in order, with unlisted kinds from the base', () => {
    const { prices } = parseLiteLlmCatalog(
      {
        m: {
          input_cost_per_token: 1e-6,
          output_cost_per_token: 2e-6,
          cache_read_input_token_cost: 1e-7,
          input_cost_per_token_above_272k_tokens: 4e-6,
          input_cost_per_token_above_128k_tokens: 3e-6,
          output_cost_per_token_above_128k_tokens: 5e-6,
        },
      },
      'v',
    );
    expect(prices.get('m')!.tiers).toEqual([
      { aboveTokens: 128_000, input: 3_000_000n, output: 5_000_000n, cacheRead: 100_000n, cacheWrite: 3_000_000n, reasoning: 5_000_000n },
      { aboveTokens: 272_000, input: 4_000_000n, output: 2_000_000n, cacheRead: 100_000n, cacheWrite: 4_000_000n, reasoning: 2_000_000n },
    ]);
  });

  it('reads the whole shipped catalogue without a bad price', async () => {
    const { loadPriceBook } = await import('./load-price-book.js');
    const loaded = loadPriceBook({ prices: { overrides: [] } });
    expect(loaded.catalogIssues).toEqual([]);
    expect(loaded.book.size).toBeGreaterThan(2_400);
  });
});
