import { beforeAll, describe, expect, it } from 'vitest';
import { picoToUsd } from '../money/pico.js';
import { costOf, reservationOf } from './cost-of.js';
import { loadPriceBook } from './load-price-book.js';
import type { ModelPrice, UsageCounts } from './model-price.js';
import type { PriceBook } from './price-book.js';

const usage = (u: Partial<UsageCounts>): UsageCounts => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, ...u });

/** Hand-computed from the shipped catalogue's entries (USD per token × 1e12 = pico-USD per token). */
describe('costOf, against the shipped catalogue', () => {
  let book: PriceBook;
  const price = (model: string): ModelPrice => {
    const p = book.priceAt([model], Date.now());
    if (!p) throw new Error(`${model} is not priced`);
    return p;
  };

  beforeAll(() => {
    book = loadPriceBook({ prices: { overrides: [] } }).book;
  });

  it('gpt-4o: input 2.5e-6, cached input 1.25e-6, output 1e-5; reasoning at the output price', () => {
    const c = costOf(usage({ inputTokens: 1_000, cacheReadTokens: 200, outputTokens: 500, reasoningTokens: 100 }), price('gpt-4o'));
    expect(c.input).toBe(800n * 2_500_000n);
    expect(c.cacheRead).toBe(200n * 1_250_000n);
    expect(c.output).toBe(400n * 10_000_000n);
    expect(c.reasoning).toBe(100n * 10_000_000n);
    expect(c.total).toBe(7_250_000_000n);
    expect(picoToUsd(c.total)).toBe('0.00725');
    expect(c.promptCacheSaved).toBe(200n * 1_250_000n);
  });

  it('claude-sonnet-4-5: cache writes at 3.75e-6, reads at 3e-7', () => {
    const c = costOf(usage({ inputTokens: 10_000, cacheReadTokens: 4_000, cacheWriteTokens: 5_000, outputTokens: 300 }), price('claude-sonnet-4-5'));
    expect(c).toMatchObject({ input: 1_000n * 3_000_000n, cacheRead: 4_000n * 300_000n, cacheWrite: 5_000n * 3_750_000n, output: 300n * 15_000_000n });
    expect(c.total).toBe(3_000_000_000n + 1_200_000_000n + 18_750_000_000n + 4_500_000_000n);
    expect(c.promptCacheSaved).toBe(4_000n * 2_700_000n - 5_000n * 750_000n);
  });

  it('claude-sonnet-4-5 above 200k prompt tokens: every token at the *_above_200k_tokens prices; exactly 200k is not above', () => {
    const above = costOf(usage({ inputTokens: 250_000, cacheReadTokens: 100_000, cacheWriteTokens: 50_000, outputTokens: 1_000 }), price('claude-sonnet-4-5'));
    expect(above).toMatchObject({ input: 100_000n * 6_000_000n, cacheRead: 100_000n * 600_000n, cacheWrite: 50_000n * 7_500_000n, output: 1_000n * 22_500_000n });
    expect(picoToUsd(above.total)).toBe('1.0575');
    const at = costOf(usage({ inputTokens: 200_000, outputTokens: 1 }), price('claude-sonnet-4-5'));
    expect(at.total).toBe(200_000n * 3_000_000n + 15_000_000n);
  });

  it('a separate reasoning price (dashscope/qwen-turbo: output 2e-7, reasoning 5e-7)', () => {
    const c = costOf(usage({ inputTokens: 100, outputTokens: 1_000, reasoningTokens: 600 }), price('dashscope/qwen-turbo'));
    expect(c).toMatchObject({ input: 100n * 50_000n, output: 400n * 200_000n, reasoning: 600n * 500_000n });
  });

  it("deepseek-chat: cache reads at 2.8e-8 and writes at the catalogue's 0", () => {
    const c = costOf(usage({ inputTokens: 1_000, cacheReadTokens: 600, cacheWriteTokens: 100, outputTokens: 10 }), price('deepseek/deepseek-chat'));
    expect(c).toMatchObject({ input: 300n * 280_000n, cacheRead: 600n * 28_000n, cacheWrite: 0n, output: 10n * 420_000n });
  });

  it('the smallest catalogue price (1.3e-10) is an exact 130 pico-USD per token', () => {
    const p = price('fireworks_ai/accounts/fireworks/models/SSD-1B');
    expect(p.input).toBe(130n);
    expect(costOf(usage({ inputTokens: 3 }), p).total).toBe(390n);
  });

  it('finds a model under a provider prefix or another case, and leaves unknown models unpriced', () => {
    expect(book.priceAt(['openai/gpt-4o'], Date.now())?.input).toBe(2_500_000n);
    expect(book.priceAt(['GPT-4o'], Date.now())?.model).toBe('gpt-4o');
    expect(book.priceAt(['my-public-name', 'gpt-4o-mini'], Date.now())?.model).toBe('gpt-4o-mini');
    expect(book.priceAt(['mock-gpt'], Date.now())).toBeUndefined();
  });

  it('reserves the prompt at the input price and the allowance at the output price', () => {
    expect(reservationOf(price('gpt-4o'), 1_000, 100)).toEqual({ promptCost: 2_500_000_000n, outputPrice: 10_000_000n, total: 3_500_000_000n });
  });
});

describe('price overrides and versions', () => {
  const at = (iso: string) => Date.parse(iso);
  const { book, overrideIssues } = loadPriceBook({
    prices: {
      overrides: [
        { model: 'gpt-4o', effectiveFrom: '2030-01-01', inputPerMTok: 2, outputPerMTok: 8 },
        { model: 'gpt-4o', effectiveFrom: '2031-01-01T12:00:00', inputPerMTok: 1, outputPerMTok: 4, cacheReadPerMTok: 0.5 },
        { model: 'llama-local', inputPerMTok: 0, outputPerMTok: 0, perHourUsd: 3.6 },
      ],
    },
  });

  it('applies each price from its effective date; before the first, the catalogue', () => {
    expect(overrideIssues).toEqual([]);
    expect(book.priceAt(['gpt-4o'], at('2029-12-31T23:59:59Z'))).toMatchObject({ input: 2_500_000n, version: expect.stringMatching(/^litellm:/) });
    expect(book.priceAt(['gpt-4o'], at('2030-01-01T00:00:00Z'))).toMatchObject({ input: 2_000_000n, output: 8_000_000n, cacheRead: 2_000_000n, version: 'config:gpt-4o@2030-01-01' });
    expect(book.priceAt(['gpt-4o'], at('2031-01-01T11:59:59Z'))?.input).toBe(2_000_000n);
    expect(book.priceAt(['gpt-4o'], at('2031-01-01T12:00:00Z'))).toMatchObject({ input: 1_000_000n, cacheRead: 500_000n });
  });

  it('prices a self-hosted model at $0 a token and per hour of request time, rounded up to the pico', () => {
    const p = book.priceAt(['llama-local'], 0)!;
    expect(costOf(usage({ inputTokens: 1_000, outputTokens: 1_000 }), p, 1_000).total).toBe(1_000_000_000n);
    expect(costOf(usage({}), p, 1).time).toBe(1_000_000n);
    expect(costOf(usage({ inputTokens: 5 }), p, 0).total).toBe(0n);
  });

  it('refuses a price that is not a whole number of pico-USD per token, or a bad date, naming the field', () => {
    const { overrideIssues: issues } = loadPriceBook({
      prices: { overrides: [{ model: 'x', inputPerMTok: 0.0000001, outputPerMTok: 1 }, { model: 'y', effectiveFrom: 'soon', outputPerMTok: 1 }] },
    });
    expect(issues.map((i) => i.path)).toEqual(['cost.prices.overrides.0.inputPerMTok', 'cost.prices.overrides.1.effectiveFrom']);
  });
});
