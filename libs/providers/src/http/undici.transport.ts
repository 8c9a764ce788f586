import { Pool } from 'undici';
import type { UpstreamRequest } from '../provider.js';
import { UndiciCall } from './undici-call.js';
import { mapUndiciError } from './undici.errors.js';
import { abortReason } from './upstream.errors.js';
import type { SendOptions, UpstreamResponse, UpstreamTransport } from './upstream.transport.js';

export interface UndiciTransportOptions {
  /** Time allowed to open a TCP/TLS connection. Default 10 s. */
  connectTimeoutMs?: number;
  /** Idle keep-alive time when the upstream gives no `keep-alive: timeout` hint. Default 30 s. */
  keepAliveTimeoutMs?: number;
  /** Max connections per origin; `null` for no limit. Default `null`. */
  connections?: number | null;
}

/**
 * HTTP/1.1 upstream transport on undici: one keep-alive `Pool` per origin (pipelining 1, so a slow
 * stream never blocks another request), the pool map being its only state. `timeoutMs` bounds the
 * wait for the headers and each gap between body chunks (undici's timers tick at about 1 s above 1 s).
 */
export class UndiciTransport implements UpstreamTransport {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: UndiciTransportOptions = {}) {}

  send(req: UpstreamRequest, opts: SendOptions): Promise<UpstreamResponse> {
    if (opts.signal.aborted) return Promise.reject(abortReason(opts.signal));
    const split = req.url.indexOf('/', req.url.indexOf('//') + 2);
    const origin = split === -1 ? req.url : req.url.slice(0, split);
    const path = split === -1 ? '/' : req.url.slice(split);
    return new Promise((resolve, reject) => {
      const call = new UndiciCall(origin, opts, resolve, reject);
      try {
        this.pool(origin).dispatch(
          { path, method: req.method, headers: req.headers, body: req.body ?? null, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs },
          call,
        );
      } catch (err) {
        reject(mapUndiciError(err, origin, opts.timeoutMs, opts.signal));
      }
    });
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        pipelining: 1,
        connections: this.options.connections ?? null,
        keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 30_000,
        connect: { timeout: this.options.connectTimeoutMs ?? 10_000 },
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }
}
