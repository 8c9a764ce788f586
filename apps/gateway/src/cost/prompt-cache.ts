import { createHash } from 'node:crypto';
import type { ChatContentPart, ChatMessage, ChatRequest } from '@helix/providers';

/** Providers that cache a prefix marked with `cache_control` (Anthropic's Messages API, also through Vertex and Bedrock). */
const MARKED = new Set(['anthropic', 'vertex', 'bedrock']);
/** Providers that cache prefixes by themselves; `prompt_cache_key` keeps requests with one prefix on one cache. */
const KEYED = new Set(['openai', 'azure']);

const isSystem = (m: ChatMessage) => m.role === 'system' || m.role === 'developer';
const textOf = (m: ChatMessage) => (typeof m.content === 'string' ? m.content : Array.isArray(m.content) ? m.content.map((p) => p.text ?? '').join('') : '');

/**
 * Prompt-cache optimisation: marks the long, stable prefix of a request (its
 * leading system messages and its tools) so the provider caches it. Anthropic-
 * style providers get `cache_control: {type: 'ephemeral'}` on the last block of
 * the last leading system message (which caches the tools before it too);
 * OpenAI-style providers get a `prompt_cache_key` derived from the prefix.
 * A prefix shorter than `minChars`, or one the client marked already, is left alone.
 */
export function markPromptCache(body: ChatRequest, provider: string, minChars: number): ChatRequest {
  const lead = body.messages.findIndex((m) => !isSystem(m));
  const system = body.messages.slice(0, lead < 0 ? body.messages.length : lead);
  const prefix = system.map(textOf).join('\n') + (body.tools?.length ? JSON.stringify(body.tools) : '');
  if (!system.length || prefix.length < minChars) return body;
  if (KEYED.has(provider)) {
    return body.prompt_cache_key ? body : { ...body, prompt_cache_key: `helix-${createHash('sha256').update(prefix).digest('hex').slice(0, 32)}` };
  }
  if (!MARKED.has(provider)) return body;
  const last = system.length - 1;
  const parts: ChatContentPart[] = typeof system[last]!.content === 'string' ? [{ type: 'text', text: system[last]!.content }] : [...((system[last]!.content as ChatContentPart[]) ?? [])];
  if (!parts.length || parts.some((p) => p.cache_control)) return body;
  parts[parts.length - 1] = { ...parts[parts.length - 1]!, cache_control: { type: 'ephemeral' } };
  const messages = [...body.messages];
  messages[last] = { ...system[last]!, content: parts };
  return { ...body, messages };
}
