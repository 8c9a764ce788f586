import type { ChatUsage } from '../openai.types.js';
import type { TokenUsage } from '../provider.js';

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.trunc(v) : 0);

/** Counts as a provider reports them, already in TokenUsage's convention (totals include their parts). Junk → 0. */
export interface UsageCounts {
  input?: unknown;
  output?: unknown;
  cacheRead?: unknown;
  cacheWrite?: unknown;
  reasoning?: unknown;
}

export function tokenUsage(c: UsageCounts): TokenUsage {
  return {
    inputTokens: count(c.input),
    outputTokens: count(c.output),
    cacheReadTokens: count(c.cacheRead),
    cacheWriteTokens: count(c.cacheWrite),
    reasoningTokens: count(c.reasoning),
    estimated: false,
  };
}

/** TokenUsage → OpenAI `usage`; `normalizeUsage` of the result gives the same TokenUsage back. */
export function chatUsage(u: TokenUsage): ChatUsage {
  const usage: ChatUsage = { prompt_tokens: u.inputTokens, completion_tokens: u.outputTokens, total_tokens: u.inputTokens + u.outputTokens };
  usage.prompt_tokens_details = { cached_tokens: u.cacheReadTokens };
  if (u.cacheWriteTokens) usage.prompt_tokens_details.cache_write_tokens = u.cacheWriteTokens;
  usage.completion_tokens_details = { reasoning_tokens: u.reasoningTokens };
  return usage;
}
