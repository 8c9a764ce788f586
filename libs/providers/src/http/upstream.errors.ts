import { ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';

/**
 * The upstream did not answer in time (connect, headers or the gap between body chunks).
 * Retryable. Its message names no host; `origin` is for logs.
 */
export class UpstreamTimeoutError extends HelixError {
  constructor(
    readonly phase: 'connect' | 'headers' | 'body',
    readonly origin: string,
    timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(504, ErrorTypes.upstream, `The upstream provider did not answer within ${timeoutMs} ms (${phase}).`, ErrorCodes.upstreamTimeout, null, {}, true);
    this.name = 'UpstreamTimeoutError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The connection to the upstream failed or broke (refused, reset, closed mid-response). Retryable. */
export class UpstreamConnectionError extends HelixError {
  constructor(
    readonly origin: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(502, ErrorTypes.upstream, `The connection to the upstream provider failed (${reason}).`, ErrorCodes.upstreamError, null, {}, true);
    this.name = 'UpstreamConnectionError';
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The error an aborted signal stands for: its reason, or a standard `AbortError`. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** True for `AbortError`s, whether a DOMException or undici's own. */
export function isAbortError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'AbortError' || (err as { code?: unknown } | null)?.code === 'UND_ERR_ABORTED';
}
