import type { ChatUsage } from '../openai.types.js';
import type { TokenUsage } from '../provider.js';

/** Usage when the provider reported none: zeros, not estimated. `usageMissing()` recognises it. */
export const noUsage = (): TokenUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  estimated: false,
});

/** True when the provider reported nothing, so the gateway should count locally and mark `estimated`. */
export const usageMissing = (u: TokenUsage): boolean => !u.estimated && u.inputTokens === 0 && u.outputTokens === 0;

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/**
 * OpenAI `usage` → `TokenUsage`: `prompt_tokens_details.cached_tokens` → cacheReadTokens,
 * `cache_write_tokens` (some compatible servers) → cacheWriteTokens,
 * `completion_tokens_details.reasoning_tokens` → reasoningTokens. Missing → zeros.
 */
export function normalizeUsage(usage: ChatUsage | { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined): TokenUsage {
  if (!usage || typeof usage !== 'object') return noUsage();
  const u = usage as ChatUsage;
  return {
    inputTokens: count(u.prompt_tokens),
    outputTokens: count(u.completion_tokens),
    cacheReadTokens: count(u.prompt_tokens_details?.cached_tokens),
    cacheWriteTokens: count(u.prompt_tokens_details?.cache_write_tokens),
    reasoningTokens: count(u.completion_tokens_details?.reasoning_tokens),
    estimated: false,
  };
}
