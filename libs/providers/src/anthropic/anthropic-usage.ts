import type { TokenUsage } from '../provider.js';
import { tokenUsage } from '../shared/usage.js';
import type { AnthropicUsage } from './anthropic.types.js';

const n = (v: unknown): number => (typeof v === 'number' && v > 0 ? v : 0);

/**
 * Anthropic usage → TokenUsage. Anthropic's `input_tokens` counts only the uncached prompt
 * tokens; TokenUsage.inputTokens counts them all, so the cache reads and writes are added back.
 */
export function anthropicUsage(u: AnthropicUsage | undefined): TokenUsage {
  const cacheRead = n(u?.cache_read_input_tokens);
  const cacheWrite = n(u?.cache_creation_input_tokens);
  return tokenUsage({ input: n(u?.input_tokens) + cacheRead + cacheWrite, output: u?.output_tokens, cacheRead, cacheWrite });
}

/** Anthropic `stop_reason` → OpenAI `finish_reason`. */
export const anthropicFinish = (reason: unknown): string =>
  reason === 'max_tokens' || reason === 'model_context_window_exceeded'
    ? 'length'
    : reason === 'tool_use'
      ? 'tool_calls'
      : reason === 'refusal'
        ? 'content_filter'
        : 'stop';
