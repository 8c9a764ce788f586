import { Pool } from 'undici';
import { nowNs } from './samples.js';

/** One endpoint under load: where to POST, with which headers and body. */
export interface TargetRequest {
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** The body, or a function that makes each request's body. */
  body: string | (() => string);
}

/** Timings of one request, in ns of the hrtime clock; `firstByteNs` is the first body chunk. */
export interface RequestTiming {
  ok: boolean;
  status: number;
  firstByteNs: number;
  endNs: number;
}

/**
 * An undici pool to one target that sends a request and reads its whole body, noting when the first
 * body chunk (for a stream: the first SSE event) and the last arrived. A 2xx is ok; anything else,
 * a reset or a timeout counts as an error.
 */
export class HttpTarget {
  private readonly pool: Pool;

  constructor(
    private readonly req: TargetRequest,
    connections: number,
    private readonly timeoutMs = 30_000,
  ) {
    this.pool = new Pool(req.origin, { connections, pipelining: 1, keepAliveTimeout: 60_000, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  async send(): Promise<RequestTiming> {
    let firstByteNs = 0;
    try {
      const res = await this.pool.request({ method: 'POST', path: this.req.path, headers: this.req.headers, body: this.body(), signal: AbortSignal.timeout(this.timeoutMs) });
      for await (const _ of res.body) if (firstByteNs === 0) firstByteNs = nowNs();
      const endNs = nowNs();
      return { ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode, firstByteNs: firstByteNs || endNs, endNs };
    } catch {
      const endNs = nowNs();
      return { ok: false, status: 0, firstByteNs: firstByteNs || endNs, endNs };
    }
  }

  /** One request's status and body, to check a target answers what it should. */
  async probe(): Promise<{ status: number; text: string }> {
    const res = await this.pool.request({ method: 'POST', path: this.req.path, headers: this.req.headers, body: this.body(), signal: AbortSignal.timeout(this.timeoutMs) });
    return { status: res.statusCode, text: await res.body.text() };
  }

  private body(): string {
    return typeof this.req.body === 'function' ? this.req.body() : this.req.body;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
