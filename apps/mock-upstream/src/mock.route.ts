import type { IncomingMessage, ServerResponse } from 'node:http';
import { mockReply, type HeaderLookup } from '@helix/providers';
import type { WireReply } from './formats/wire-format.js';
import { wireFormatFor, wireReply } from './formats/wire-reply.js';
import { tokenReply } from './formats/token.route.js';
import type { MockState } from './mock-upstream.js';
import { SeenRequest } from './seen-request.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** The reply for a request: a token grant, Azure's 404 without api-version, a provider wire format, or the OpenAI-compatible mock. */
function replyFor(method: string, url: string, header: HeaderLookup, body: string, state: MockState): WireReply {
  const route = url.split('?', 1)[0].replace(/\/+$/, '');
  const token = method === 'POST' ? tokenReply(route, body, () => ++state.tokensIssued) : undefined;
  if (token) return { status: token.status, headers: JSON_HEADERS, latencyMs: 0, json: token.json, chunkDelayMs: 0 };
  if (route.includes('/openai/deployments/') && !/[?&]api-version=/.test(url)) {
    return { status: 404, headers: JSON_HEADERS, latencyMs: 0, json: JSON.stringify({ error: { code: '404', message: 'Resource not found' } }), chunkDelayMs: 0 };
  }
  const format = wireFormatFor(method, route);
  return format ? wireReply(format, route, header, body, state.settings, state.failures) : mockReply(method, url, header, body, state.settings, state.failures);
}

/** Every route but `/_mock/*`: read the body, record, reply (after latency), stream with delays, cut when asked. */
export function handleMock(req: IncomingMessage, res: ServerResponse, state: MockState): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = chunks.length === 0 ? '' : chunks.length === 1 ? chunks[0].toString() : Buffer.concat(chunks).toString();
    const seen = new SeenRequest(req.method!, req.url!, req.headers, body);
    state.requests.add(seen);
    const header: HeaderLookup = (name) => state.faults[name] ?? (req.headers[name] as string | undefined);
    const reply = replyFor(req.method!, req.url!, header, body, state);
    const writer = new ReplyWriter(res, reply);
    res.on('close', () => {
      writer.stop();
      if (!res.writableFinished && !writer.cut) state.aborts.add(seen);
    });
    writer.start();
  });
}

class ReplyWriter {
  cut = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly reply: WireReply,
  ) {}

  start(): void {
    if (this.reply.latencyMs > 0) this.timer = setTimeout(() => this.head(), this.reply.latencyMs);
    else this.head();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private head(): void {
    const { status, headers, json, events, chunkDelayMs, cutAfterChunks } = this.reply;
    if (this.stopped) return;
    if (json !== undefined) {
      this.res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(json) });
      this.res.end(json);
      return;
    }
    this.res.writeHead(status, headers);
    if (chunkDelayMs === 0 && cutAfterChunks === undefined) this.res.end(Buffer.concat(events!.map((e) => (typeof e === 'string' ? Buffer.from(e) : e))));
    else this.next(0);
  }

  private next(i: number): void {
    const { events, chunkDelayMs, cutAfterChunks } = this.reply;
    if (this.stopped) return;
    if (cutAfterChunks !== undefined && i >= cutAfterChunks) {
      this.cut = true;
      this.res.socket?.destroy();
      return;
    }
    if (i >= events!.length) {
      this.res.end();
      return;
    }
    this.res.write(events![i]);
    if (chunkDelayMs > 0) this.timer = setTimeout(() => this.next(i + 1), chunkDelayMs);
    else this.next(i + 1);
  }
}
