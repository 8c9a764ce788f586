import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UndiciTransport } from './undici.transport.js';
import { UpstreamConnectionError, UpstreamTimeoutError } from './upstream.errors.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let handler: Handler = (_req, res) => res.end('ok');
const sockets = new Set<unknown>();
const server: Server = createServer((req, res) => handler(req, res));
server.on('connection', (s) => sockets.add(s));
let origin = '';
const transport = new UndiciTransport({ connectTimeoutMs: 2_000 });
const opts = () => ({ signal: new AbortController().signal, timeoutMs: 2_000 });

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  handler = (_req, res) => res.end('ok');
});
afterAll(async () => {
  await transport.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** Ends the response after `ms` unless the client left first (undici's timeouts tick at about 1 s). */
function endLater(res: ServerResponse, ms: number): void {
  const timer = setTimeout(() => res.end('late'), ms);
  res.on('close', () => clearTimeout(timer));
}

/** Writes one chunk and holds the response open; resolves true when the connection closes before the response ended. */
function serveFirstChunkThenHang(first: string): Promise<boolean> {
  return new Promise((resolve) => {
    handler = (_req, res) => {
      res.write(first);
      endLater(res, 5_000);
      res.on('close', () => resolve(!res.writableEnded));
    };
  });
}

describe('UndiciTransport', () => {
  it('sends method, path, headers and body, and returns status, headers and text', async () => {
    handler = (req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.setHeader('x-echo', `${req.method} ${req.url} ${req.headers['x-key']}`);
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.statusCode = 201;
        res.end(JSON.stringify({ got: body }));
      });
    };
    const res = await transport.send({ url: `${origin}/v1/x?y=1`, method: 'POST', headers: { 'x-key': 'k' }, body: 'hello' }, opts());
    expect(res.status).toBe(201);
    expect(res.headers['x-echo']).toBe('POST /v1/x?y=1 k');
    expect(res.headers['set-cookie']).toBe('a=1, b=2');
    expect(await res.json()).toEqual({ got: 'hello' });
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const before = sockets.size;
    for (let i = 0; i < 5; i++) {
      const res = await transport.send({ url: `${origin}/reuse`, method: 'GET', headers: {} }, opts());
      expect(await res.text()).toBe('ok');
    }
    expect(sockets.size - before).toBeLessThanOrEqual(1);
  });

  it('streams the body chunk by chunk', async () => {
    handler = (_req, res) => {
      res.write('a');
      setTimeout(() => res.end('b'), 20);
    };
    const res = await transport.send({ url: `${origin}/s`, method: 'GET', headers: {} }, opts());
    const parts: string[] = [];
    for await (const c of res.body) parts.push(Buffer.from(c).toString());
    expect(parts).toEqual(['a', 'b']);
  });

  it('aborts the upstream request when the signal aborts mid-stream: the server sees the close before its response ended', async () => {
    const seen = serveFirstChunkThenHang('first');
    const ac = new AbortController();
    const res = await transport.send({ url: `${origin}/abort`, method: 'GET', headers: {} }, { signal: ac.signal, timeoutMs: 10_000 });
    const it = res.body[Symbol.asyncIterator]();
    expect(Buffer.from((await it.next()).value).toString()).toBe('first');
    ac.abort();
    await expect(it.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(await seen).toBe(true);
  });

  it('control: a request that is not aborted ends normally on the server', async () => {
    let ended: (v: boolean) => void;
    const seen = new Promise<boolean>((r) => (ended = r));
    handler = (_req, res) => {
      res.on('close', () => ended(res.writableEnded));
      res.end('done');
    };
    const res = await transport.send({ url: `${origin}/no-abort`, method: 'GET', headers: {} }, opts());
    expect(await res.text()).toBe('done');
    expect(await seen).toBe(true);
  });

  it('closes the connection when the reader stops early, so the server sees it (control above: a finished read)', async () => {
    const seen = serveFirstChunkThenHang('one');
    const res = await transport.send({ url: `${origin}/early`, method: 'GET', headers: {} }, opts());
    for await (const _ of res.body) break;
    expect(await seen).toBe(true);
  });

  it('keeps the connection for the next request when a response the reader left ends shortly after (control above: one that hangs is closed)', async () => {
    const own = new UndiciTransport({ connectTimeoutMs: 2_000 });
    const ports: number[] = [];
    handler = (req, res) => {
      ports.push(req.socket.remotePort!);
      res.write('data: last event');
      setTimeout(() => res.end(), 20);
    };
    try {
      const first = await own.send({ url: `${origin}/ends-soon`, method: 'GET', headers: {} }, opts());
      for await (const _ of first.body) break;
      await new Promise((r) => setTimeout(r, 100));
      handler = (req, res) => {
        ports.push(req.socket.remotePort!);
        res.end('second');
      };
      const second = await own.send({ url: `${origin}/next`, method: 'GET', headers: {} }, opts());
      expect(await second.text()).toBe('second');
      expect(ports).toHaveLength(2);
      expect(ports[1]).toBe(ports[0]);
    } finally {
      await own.close();
    }
  });

  it('delivers a large body whole to a slow reader (pausing the socket meanwhile)', async () => {
    const piece = Buffer.alloc(64 * 1024, 'x');
    handler = (_req, res) => {
      let sent = 0;
      const write = () => {
        while (sent < 64) {
          sent++;
          if (!res.write(piece)) return void res.once('drain', write);
        }
        res.end();
      };
      write();
    };
    const res = await transport.send({ url: `${origin}/big`, method: 'GET', headers: {} }, opts());
    let bytes = 0;
    let reads = 0;
    for await (const c of res.body) {
      bytes += c.length;
      if (reads++ < 5) await new Promise((r) => setTimeout(r, 30));
    }
    expect(bytes).toBe(64 * piece.length);
  });

  it('rejects with the AbortError when aborted before the headers arrive, and the server sees the close', async () => {
    const seen = new Promise<boolean>((resolve) => {
      handler = (_req, res) => res.on('close', () => resolve(!res.writableEnded));
    });
    const ac = new AbortController();
    const pending = transport.send({ url: `${origin}/hang`, method: 'GET', headers: {} }, { signal: ac.signal, timeoutMs: 10_000 });
    setTimeout(() => ac.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(await seen).toBe(true);
  });

  it('rejects at once for a signal that is already aborted, sending nothing', async () => {
    let hits = 0;
    handler = (_req, res) => (hits++, res.end());
    const ac = new AbortController();
    ac.abort();
    await expect(transport.send({ url: `${origin}/never`, method: 'GET', headers: {} }, { signal: ac.signal, timeoutMs: 1_000 })).rejects.toMatchObject({ name: 'AbortError' });
    await (await transport.send({ url: `${origin}/control`, method: 'GET', headers: {} }, opts())).text();
    expect(hits).toBe(1);
  });

  it('turns a headers timeout into UpstreamTimeoutError', async () => {
    handler = (_req, res) => endLater(res, 4_000);
    const err = await transport
      .send({ url: `${origin}/slow`, method: 'GET', headers: {} }, { signal: new AbortController().signal, timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamTimeoutError);
    expect(err).toMatchObject({ phase: 'headers', status: 504, retryable: true });
  });

  it('turns a stalled body into UpstreamTimeoutError while streaming', async () => {
    handler = (_req, res) => {
      res.write('x');
      endLater(res, 4_000);
    };
    const res = await transport.send({ url: `${origin}/stall`, method: 'GET', headers: {} }, { signal: new AbortController().signal, timeoutMs: 100 });
    const err = await (async () => {
      for await (const _ of res.body);
    })().catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'UpstreamTimeoutError', phase: 'body' });
  });

  it('turns a refused connection and a reset mid-body into UpstreamConnectionError', async () => {
    const refused = await transport
      .send({ url: 'http://127.0.0.1:1/x', method: 'GET', headers: {} }, opts())
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UpstreamConnectionError);
    expect((refused as UpstreamConnectionError).message).not.toContain('127.0.0.1');

    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    const res = await transport.send({ url: `${origin}/cut`, method: 'GET', headers: {} }, opts());
    await expect(res.text()).rejects.toBeInstanceOf(UpstreamConnectionError);
  });
});
