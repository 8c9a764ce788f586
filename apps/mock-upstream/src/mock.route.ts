import type { IncomingMessage, ServerResponse } from 'node:http';
import { mockReply, type MockReply } from '@helix/providers';
import type { MockState } from './mock-upstream.js';
import { SeenRequest } from './seen-request.js';

/** OpenAI-compatible routes: read the body, record, reply (after latency), stream with delays, cut when asked. */
export function handleMock(req: IncomingMessage, res: ServerResponse, state: MockState): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = chunks.length === 0 ? '' : chunks.length === 1 ? chunks[0].toString() : Buffer.concat(chunks).toString();
    const seen = new SeenRequest(req.method!, req.url!, req.headers, body);
    state.requests.add(seen);
    const reply = mockReply(req.method!, req.url!, (name) => req.headers[name] as string | undefined, body, state.settings, state.failures);
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
    private readonly reply: MockReply,
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
    if (chunkDelayMs === 0 && cutAfterChunks === undefined) this.res.end(events!.join(''));
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
