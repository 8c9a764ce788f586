import { Pool, type Dispatcher } from 'undici';
import type { UpstreamRequest } from '../provider.js';
import { mapUndiciError } from './undici.errors.js';
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
 * stream never blocks another request), the pool map being its only state.
 */
export class UndiciTransport implements UpstreamTransport {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly options: UndiciTransportOptions = {}) {}

  async send(req: UpstreamRequest, opts: SendOptions): Promise<UpstreamResponse> {
    const split = req.url.indexOf('/', req.url.indexOf('//') + 2);
    const origin = split === -1 ? req.url : req.url.slice(0, split);
    const path = split === -1 ? '/' : req.url.slice(split);
    try {
      const res = await this.pool(origin).request({
        path,
        method: req.method,
        headers: req.headers,
        body: req.body ?? null,
        signal: opts.signal,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
      });
      return new UndiciResponse(res, origin, opts);
    } catch (err) {
      throw mapUndiciError(err, origin, opts.timeoutMs, opts.signal);
    }
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

class UndiciResponse implements UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    private readonly res: Dispatcher.ResponseData,
    private readonly origin: string,
    private readonly opts: SendOptions,
  ) {
    this.status = res.statusCode;
    this.headers = flatHeaders(res.headers);
  }

  get body(): AsyncIterable<Uint8Array> {
    return this.mappedBody();
  }

  async text(): Promise<string> {
    try {
      return await readText(this.res.body);
    } catch (err) {
      throw mapUndiciError(err, this.origin, this.opts.timeoutMs, this.opts.signal);
    }
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  private async *mappedBody(): AsyncGenerator<Uint8Array> {
    try {
      yield* this.res.body;
    } catch (err) {
      throw mapUndiciError(err, this.origin, this.opts.timeoutMs, this.opts.signal);
    }
  }
}

function readText(body: Dispatcher.ResponseData['body']): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    body.on('data', (c: Buffer) => chunks.push(c));
    body.once('error', reject);
    body.once('end', () => resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
  });
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const key in headers) {
    const v = headers[key];
    if (typeof v !== 'string') headers[key] = Array.isArray(v) ? v.join(', ') : '';
  }
  return headers as Record<string, string>;
}
