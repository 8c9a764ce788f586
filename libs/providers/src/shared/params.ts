import { Errors } from '@helix/contracts';

/** Request fields every non-OpenAI adapter maps itself (never through a parameter table). */
export const MAPPED_BY_ADAPTER: ReadonlySet<string> = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'n',
]);

/** OpenAI `stop` (a string or a list) → a list; undefined when empty. */
export const stopList = (v: unknown): string[] | undefined => {
  const list = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  return list.length ? list : undefined;
};

/** `max_completion_tokens` wins over the deprecated `max_tokens`. */
export const maxTokens = (v: unknown, req: Record<string, unknown>): unknown => req.max_completion_tokens ?? v;

/** Providers with one answer per request: `n` above 1 is a 400 (silently answering once would break clients that read choices[n-1]). */
export function requireSingleChoice(n: unknown, provider: string): void {
  if (n === undefined || n === null || n === 1) return;
  throw Errors.badRequest(`${provider} returns one choice per request: n must be 1.`, 'n');
}
