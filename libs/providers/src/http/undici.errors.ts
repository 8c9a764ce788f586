import { UpstreamConnectionError, UpstreamTimeoutError, abortReason } from './upstream.errors.js';

const TIMEOUTS: Record<string, 'connect' | 'headers' | 'body'> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_INFO',
]);

/** Maps an undici/socket failure to the transport's typed errors; an abort stays the signal's reason. */
export function mapUndiciError(err: unknown, origin: string, timeoutMs: number, signal: AbortSignal): unknown {
  if (signal.aborted) return abortReason(signal);
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return err;
  const phase = TIMEOUTS[code];
  if (phase) return new UpstreamTimeoutError(phase, origin, timeoutMs, { cause: err });
  if (CONNECTION_CODES.has(code)) return new UpstreamConnectionError(origin, code, { cause: err });
  return err;
}
