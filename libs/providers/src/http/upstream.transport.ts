import type { UpstreamRequest } from '../provider.js';

/** What a transport returns once the upstream's status and headers have arrived. */
export interface UpstreamResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body bytes; read it once, either as `body`, `text()` or `json()`. Breaking out of it closes the connection. */
  body: AsyncIterable<Uint8Array>;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

export interface SendOptions {
  /** Aborting it aborts the upstream request and closes its socket, so the upstream sees the client leave. */
  signal: AbortSignal;
  /** Per-attempt budget: time to the response headers, then the longest gap allowed between body chunks. */
  timeoutMs: number;
}

/**
 * Sends mapped upstream requests. Rejects with `UpstreamTimeoutError` or `UpstreamConnectionError`
 * (both retryable) or, when `signal` aborts, with its reason (an `AbortError`). HTTP error statuses
 * are not errors here: they resolve, and the provider's `error()` maps them.
 */
export interface UpstreamTransport {
  send(req: UpstreamRequest, opts: SendOptions): Promise<UpstreamResponse>;
  /** Closes idle connections and waits for in-flight requests. */
  close(): Promise<void>;
}
