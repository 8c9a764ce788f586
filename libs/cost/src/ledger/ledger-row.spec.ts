import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { CacheStatus, RequestCompletedSchema } from '@helix/contracts';
import { PriceBook } from '../prices/price-book.js';
import { parseOverrides } from '../prices/price-overrides.js';
import { ledgerRowOf } from './ledger-row.js';

const book = new PriceBook(new Map(), parseOverrides([
  { model: 'big', inputPerMTok: 10, outputPerMTok: 30, cacheReadPerMTok: 1 },
  { model: 'small', inputPerMTok: 1, outputPerMTok: 3 },
]).prices);
const event = (over: Record<string, unknown>) =>
  create(RequestCompletedSchema, {
    eventId: '0190a6c0-0000-7000-8000-000000000000',
    startedAtMs: BigInt(Date.parse('2030-01-01T23:30:00Z')),
    tenant: { orgId: 'o', teamId: 't', userId: 'u', keyId: 'k' },
    requestedModel: 'big',
    servedModel: 'big',
    usage: { inputTokens: 1_000, outputTokens: 100, cacheReadTokens: 400 },
    ...over,
  });

describe('ledgerRowOf', () => {
  it('keeps the price the gateway charged, and records the prompt cache savings', () => {
    const row = ledgerRowOf(event({ costPicoUsd: 123n, priceVersion: 'v-at-the-time' }), book, 'Europe/Berlin');
    expect(row).toMatchObject({ costPico: 123n, priceVersion: 'v-at-the-time', day: '2030-01-02', promptCacheSavedPico: 400n * 9_000_000n });
  });

  it('prices an event the gateway did not price, as of its start', () => {
    expect(ledgerRowOf(event({}), book, 'UTC')).toMatchObject({ costPico: 600n * 10_000_000n + 400n * 1_000_000n + 100n * 30_000_000n, priceVersion: 'config:big@always', day: '2030-01-01' });
  });

  it('a cache hit costs 0 and saves the full price; a swap saves the requested model cost minus the served one', () => {
    expect(ledgerRowOf(event({ cacheStatus: CacheStatus.HIT_SEMANTIC }), book, 'UTC')).toMatchObject({ costPico: 0n, cacheSavedPico: 9_400_000_000n });
    const swapped = ledgerRowOf(event({ requestedModel: 'big', servedModel: 'small', swappedFromModel: 'big', usage: { inputTokens: 1_000, outputTokens: 100 } }), book, 'UTC');
    expect(swapped).toMatchObject({ costPico: 1_300_000_000n, swapSavedPico: 13_000_000_000n - 1_300_000_000n });
  });

  it('a model without a price is unpriced with its tokens; a request without usage is not', () => {
    expect(ledgerRowOf(event({ requestedModel: 'x', servedModel: 'x' }), book, 'UTC')).toMatchObject({ unpriced: true, costPico: 0n, inputTokens: 1_000 });
    expect(ledgerRowOf(event({ requestedModel: 'x', servedModel: 'x', usage: undefined }), book, 'UTC')).toMatchObject({ unpriced: false, costPico: 0n });
  });
});
