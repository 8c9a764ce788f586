import type { AnthropicUsage, StopReason } from './anthropic.types.js';
import type { ChatUsage } from '@helix/providers';

const STOP: Record<string, StopReason> = { stop: 'end_turn', length: 'max_tokens', tool_calls: 'tool_use', function_call: 'tool_use', content_filter: 'refusal' };

/** OpenAI `finish_reason` → Anthropic `stop_reason`. */
export const stopReasonOf = (finish: string | null | undefined): StopReason => (finish ? (STOP[finish] ?? 'end_turn') : null);

/** OpenAI usage (prompt tokens include cached ones) → Anthropic usage (input tokens exclude them). */
export function anthropicUsage(u: ChatUsage | null | undefined): AnthropicUsage {
  const cacheRead = u?.prompt_tokens_details?.cached_tokens ?? 0;
  const cacheWrite = u?.prompt_tokens_details?.cache_write_tokens ?? 0;
  return {
    input_tokens: Math.max(0, (u?.prompt_tokens ?? 0) - cacheRead - cacheWrite),
    output_tokens: u?.completion_tokens ?? 0,
    cache_read_input_tokens: cacheRead,
    cache_creation_input_tokens: cacheWrite,
  };
}
