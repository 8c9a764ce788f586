import { mulDivCeil } from '../money/pico.js';
import { pricesFor, type ModelPrice, type UsageCounts } from './model-price.js';

/** A request's cost, exact, by token kind (pico-USD). */
export interface CostBreakdown {
  total: bigint;
  input: bigint;
  cacheRead: bigint;
  cacheWrite: bigint;
  output: bigint;
  reasoning: bigint;
  /** The per-hour share of a self-hosted model. */
  time: bigint;
  /** What the provider's prompt cache saved against uncached input (cache writes' premium subtracted). */
  promptCacheSaved: bigint;
}

const MS_PER_HOUR = 3_600_000n;
const n = (v: number) => BigInt(Math.max(0, Math.trunc(v)));

/**
 * The cost of a request's usage at a price. Cached prompt tokens are part of
 * `inputTokens` and reasoning tokens part of `outputTokens`, so each token is
 * charged once, at its kind's price; a prompt above a tier's size is charged at
 * that tier's prices (all of its tokens, as LiteLLM and the providers do).
 */
export function costOf(usage: UsageCounts, price: ModelPrice, durationMs = 0): CostBreakdown {
  const p = pricesFor(price, usage.inputTokens);
  const cacheReadTokens = n(usage.cacheReadTokens);
  const cacheWriteTokens = n(usage.cacheWriteTokens);
  const reasoningTokens = n(usage.reasoningTokens);
  const uncached = n(usage.inputTokens) - cacheReadTokens - cacheWriteTokens;
  const plainOutput = n(usage.outputTokens) - reasoningTokens;
  const input = (uncached > 0n ? uncached : 0n) * p.input;
  const cacheRead = cacheReadTokens * p.cacheRead;
  const cacheWrite = cacheWriteTokens * p.cacheWrite;
  const output = (plainOutput > 0n ? plainOutput : 0n) * p.output;
  const reasoning = reasoningTokens * p.reasoning;
  const time = price.perHour > 0n ? mulDivCeil(n(durationMs), price.perHour, MS_PER_HOUR) : 0n;
  const promptCacheSaved = cacheReadTokens * (p.input - p.cacheRead) - cacheWriteTokens * (p.cacheWrite - p.input);
  return { total: input + cacheRead + cacheWrite + output + reasoning + time, input, cacheRead, cacheWrite, output, reasoning, time, promptCacheSaved };
}

/** What a budget reserves before the call: the prompt at the input price plus the output allowance at the output price. */
export function reservationOf(price: ModelPrice, promptTokens: number, outputAllowance: number): { promptCost: bigint; outputPrice: bigint; total: bigint } {
  const p = pricesFor(price, promptTokens);
  const promptCost = n(promptTokens) * p.input;
  return { promptCost, outputPrice: p.output, total: promptCost + n(outputAllowance) * p.output };
}
