import type { TokenUsage } from '../provider.js';
import { tokenUsage } from '../shared/usage.js';

export interface BedrockUsage {
  inputTokens?: number;
  outputTokens?: number;
  totalTokens?: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

const n = (v: unknown): number => (typeof v === 'number' && v > 0 ? v : 0);

/** Converse usage → TokenUsage: Bedrock's `inputTokens` leaves out cache reads and writes, so they are added back. */
export const bedrockUsage = (u: BedrockUsage | undefined): TokenUsage =>
  tokenUsage({
    input: n(u?.inputTokens) + n(u?.cacheReadInputTokens) + n(u?.cacheWriteInputTokens),
    output: u?.outputTokens,
    cacheRead: u?.cacheReadInputTokens,
    cacheWrite: u?.cacheWriteInputTokens,
  });

/** Converse `stopReason` → OpenAI `finish_reason`. */
export const bedrockFinish = (reason: unknown): string =>
  reason === 'max_tokens' || reason === 'model_context_window_exceeded'
    ? 'length'
    : reason === 'tool_use'
      ? 'tool_calls'
      : reason === 'guardrail_intervened' || reason === 'content_filtered'
        ? 'content_filter'
        : 'stop';
