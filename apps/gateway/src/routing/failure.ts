import { HelixError } from '@helix/contracts';
import { isAbortError } from '@helix/providers';

/**
 * What a failed attempt means for routing:
 * - `retry`: the deployment is at fault for now (429, 408, 5xx, timeouts, connection errors,
 *   refused credentials): try another deployment, retry later, count it against the breaker;
 * - `context`: the prompt is longer than the model's window: try the context fallbacks;
 * - `final`: the request itself is wrong (other 4xx) or the client left: answer it as is.
 */
export type FailureKind = 'retry' | 'context' | 'final';

const CONTEXT_MESSAGE = /context[ _-]?(length|window)|maximum context|prompt is too long|input is too long|input token count .* exceeds|too many (input )?tokens/i;

export function classifyFailure(err: unknown): FailureKind {
  if (isAbortError(err) || !(err instanceof HelixError)) return 'final';
  if (err.code === 'context_length_exceeded') return 'context';
  if (err.retryable || err.status === 408 || err.status === 429 || err.status >= 500) return 'retry';
  if (err.status === 400 && CONTEXT_MESSAGE.test(err.message)) return 'context';
  return 'final';
}

/**
 * How long the upstream asked us to wait, in ms: `retry-after-ms` (OpenAI, Azure), else
 * `retry-after` in seconds or as an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
  const ms = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Full-jitter exponential backoff before retry round `round` (1-based): random in [0, min(max, base * 2^(round-1))]. */
export function backoffMs(round: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, round - 1));
  return Math.floor(random() * ceiling);
}
