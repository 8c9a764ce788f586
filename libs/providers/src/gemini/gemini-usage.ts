import type { TokenUsage } from '../provider.js';
import { tokenUsage } from '../shared/usage.js';
import type { GeminiUsage } from './gemini.types.js';

const n = (v: unknown): number => (typeof v === 'number' && v > 0 ? v : 0);

/**
 * `usageMetadata` → TokenUsage. Gemini counts thoughts beside the candidates and tool-use prompt
 * tokens beside the prompt; TokenUsage counts them in outputTokens and inputTokens (as OpenAI does).
 * `cachedContentTokenCount` is part of `promptTokenCount` already.
 */
export function geminiUsage(u: GeminiUsage | undefined): TokenUsage {
  return tokenUsage({
    input: n(u?.promptTokenCount) + n(u?.toolUsePromptTokenCount),
    output: n(u?.candidatesTokenCount) + n(u?.thoughtsTokenCount),
    cacheRead: u?.cachedContentTokenCount,
    reasoning: u?.thoughtsTokenCount,
  });
}

const FILTERED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'LANGUAGE']);

/** Gemini `finishReason` → OpenAI `finish_reason` (a STOP that called tools is `tool_calls`). */
export function geminiFinish(reason: string, calledTools: boolean): string {
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTERED.has(reason)) return 'content_filter';
  return calledTools ? 'tool_calls' : 'stop';
}
