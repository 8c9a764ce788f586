import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  getProvider,
  prepareRequest,
  UndiciTransport,
  upstreamEvents,
  type ChatProvider,
  type ChatRequest,
  type Deployment,
  type MappedStreamEvent,
  type UpstreamResponse,
} from '@helix/providers';

/** A recorded exchange: what the adapter must send, and what the provider answered (see test/fixtures/providers/openai/README.md). */
export interface Cassette {
  request: { method: string; path: string; body: Record<string, unknown> };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyFile?: string };
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A loopback server replaying one provider's cassettes: the current cassette's status, headers and
 * bytes, streams (`.sse`, binary files) written in small uneven slices so frames split anywhere.
 * Requests are recorded; `onRequest` may answer first (a token endpoint, a signature check).
 */
export class ReplayServer {
  current: Cassette | undefined;
  received: Received | undefined;
  onRequest: ((r: Received) => { status: number; body: string } | undefined) | undefined;
  readonly transport = new UndiciTransport();
  private readonly server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const early = this.onRequest?.(received);
      if (early) return void res.writeHead(early.status, { 'content-type': 'application/json' }).end(early.body);
      this.received = received;
      const c = this.current!;
      const bytes = c.response.bodyFile ? readFileSync(new URL(c.response.bodyFile, this.dir)) : Buffer.from(JSON.stringify(c.response.body));
      res.writeHead(c.response.status, c.response.headers);
      if (!c.response.bodyFile || c.response.bodyFile.endsWith('.html')) return void res.end(bytes);
      let offset = 0;
      let seed = 11;
      const next = () => {
        if (offset >= bytes.length) return void res.end();
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const size = 1 + (seed % 53);
        res.write(bytes.subarray(offset, offset + size));
        offset += size;
        setImmediate(next);
      };
      next();
    });
  });

  constructor(readonly dir: URL) {}

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    return this;
  }

  async close(): Promise<void> {
    await this.transport.close();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  cassette(name: string): Cassette {
    return JSON.parse(readFileSync(new URL(`${name}.json`, this.dir), 'utf8')) as Cassette;
  }

  /** Plays a cassette: the client's request → adapter → prepare → undici → this server. */
  async replay(name: string, req: ChatRequest, dep: Deployment, stream = false): Promise<{ res: UpstreamResponse; adapter: ChatProvider; dropped: string[] }> {
    this.current = this.cassette(name);
    const adapter = getProvider(dep.provider).adapter;
    const mapped = adapter.chatRequest(req, dep, { stream, includeUsage: stream });
    const signal = new AbortController().signal;
    const request = await prepareRequest(adapter, mapped.request, dep, signal);
    const res = await this.transport.send(request, { signal, timeoutMs: 5_000 });
    return { res, adapter, dropped: mapped.dropped };
  }

  /** Plays a streamed cassette and maps every event the way the gateway does. */
  async replayStream(name: string, req: ChatRequest, dep: Deployment): Promise<MappedStreamEvent[]> {
    const { res, adapter } = await this.replay(name, req, dep, true);
    const mapper = adapter.chatStream(dep);
    const out: MappedStreamEvent[] = [];
    for await (const event of upstreamEvents(adapter, res.body, dep)) out.push(mapper.map(event));
    return out;
  }

  /** Plays an error cassette through the adapter's error mapping. */
  async replayError(name: string, req: ChatRequest, dep: Deployment) {
    const { res, adapter } = await this.replay(name, req, dep);
    return { res, mapped: adapter.error(res.status, await res.text(), dep) };
  }

  /** The body the adapter sent, parsed. */
  sentBody(): unknown {
    return JSON.parse(this.received!.body);
  }
}

/** All chunks' text content, joined. */
export const streamedText = (events: MappedStreamEvent[]): string =>
  events
    .flatMap((e) => e.chunks)
    .map((c) => c.choices[0]?.delta.content ?? '')
    .join('');

/** All tool-call argument pieces of one call index, joined. */
export const streamedArguments = (events: MappedStreamEvent[], index = 0): string =>
  events
    .flatMap((e) => e.chunks)
    .flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])
    .filter((t) => t.index === index)
    .map((t) => t.function?.arguments ?? '')
    .join('');
