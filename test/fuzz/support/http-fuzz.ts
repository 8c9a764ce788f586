import { connect } from 'node:net';
import { Pool } from 'undici';
import { expect } from 'vitest';

/** What the gateway answered one fuzzed request. */
export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Raw bytes and headers to a running service, without the checks a client library makes. */
export class FuzzClient {
  private readonly pool: Pool;

  /** `timeoutMs` is generous: a prompt of megabytes is scanned for PII and embedded before it goes upstream. */
  constructor(
    readonly origin: string,
    private readonly timeoutMs = 120_000,
  ) {
    this.pool = new Pool(origin, { connections: 8, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  }

  async send(method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string): Promise<FuzzAnswer> {
    const res = await this.pool.request({ method: method as 'POST', path, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), text: await res.body.text() };
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

/** Upstream failures may answer 5xx; everything the client sent must not. */
const UPSTREAM_CODES = new Set(['upstream_error', 'upstream_timeout']);

/**
 * The fuzz oracle: no 5xx unless the upstream caused it, and every error is OpenAI's
 * `{error:{message,type,param,code}}` (message and type strings; param and code string or null),
 * or on the Anthropic route (`/v1/messages`) Anthropic's `{type:"error",error:{type,message}}`. That route
 * answers errors found before it runs (malformed or too deeply nested JSON, body too large) in the OpenAI
 * shape of every other route, so both shapes pass there.
 */
export function expectWellFormed(answer: FuzzAnswer, what: string, path = ''): void {
  if (answer.status < 400) return;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`${what}: ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 300)}`);
  }
  const error = (body as { error?: Record<string, unknown> }).error;
  if (path.endsWith('/v1/messages') && (body as { type?: unknown }).type === 'error') {
    const anthropic = (body as { type?: unknown }).type === 'error' && !!error && typeof error.type === 'string' && typeof error.message === 'string';
    expect(anthropic, `${what}: ${answer.status} ${answer.text.slice(0, 300)}`).toBe(true);
    expect(answer.status < 500, `${what}: ${answer.status} ${answer.text.slice(0, 300)}`).toBe(true);
    return;
  }
  const shaped =
    !!error &&
    typeof error.message === 'string' &&
    typeof error.type === 'string' &&
    'param' in error &&
    (error.param === null || typeof error.param === 'string') &&
    'code' in error &&
    (error.code === null || typeof error.code === 'string');
  expect(shaped, `${what}: ${answer.status} ${answer.text.slice(0, 300)}`).toBe(true);
  if (answer.status >= 500) expect(UPSTREAM_CODES.has(String(error!.code)), `${what}: ${answer.status} not caused by the upstream: ${answer.text.slice(0, 300)}`).toBe(true);
}

/**
 * A hostile SSE client over a raw socket: sends a streaming request, reads until `readBytes` bytes of
 * the answer arrived (or the answer ended), then resets the connection. Returns the bytes it saw.
 */
export function hostileStream(port: number, path: string, key: string, body: string, readBytes: number, resetEarly: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let seen = 0;
    const timer = setTimeout(() => (socket.destroy(), resolve(seen)), 5_000);
    socket.on('connect', () => {
      const head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\nauthorization: Bearer ${key}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n`;
      socket.write(head);
      if (resetEarly) {
        socket.write(body.slice(0, Math.floor(body.length / 2)));
        socket.resetAndDestroy();
        clearTimeout(timer);
        resolve(0);
        return;
      }
      socket.write(body);
    });
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen >= readBytes) {
        clearTimeout(timer);
        socket.resetAndDestroy();
        resolve(seen);
      }
    });
    socket.on('end', () => (clearTimeout(timer), resolve(seen)));
    socket.on('error', (err) => (clearTimeout(timer), (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve(seen) : reject(err)));
  });
}
