import type { SseEvent } from '../provider.js';

const LF = 10;
const SPACE = 32;

/**
 * An incremental server-sent-events parser (WHATWG rules): bytes in, events out.
 * Chunks may split anywhere: inside a line, inside a UTF-8 character, between `\r` and `\n`.
 * Comments and `retry:` are skipped; an event is dispatched on a blank line, and a
 * trailing event without its blank line is still dispatched by `end()` (lenient on purpose:
 * some servers close right after their last `data:` line).
 */
export class SseParser {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  private rest = '';
  private pendingCr = false;
  private data: string | undefined;
  private event: string | undefined;
  private lastId: string | undefined;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  /** Feeds the next bytes; events complete in them are emitted synchronously. */
  push(chunk: Uint8Array): void {
    this.text(this.decoder.decode(chunk, { stream: true }));
  }

  /** Flushes the decoder and a trailing event, if any. */
  end(): void {
    this.text(this.decoder.decode());
    if (this.rest !== '') this.line(this.rest);
    this.rest = '';
    this.dispatch();
  }

  private text(input: string): void {
    if (input.length === 0) return;
    let text = input;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text.charCodeAt(0) === LF) text = text.slice(1);
    }
    if (text.indexOf('\r') !== -1) {
      this.pendingCr = text.charCodeAt(text.length - 1) === 13;
      text = text.replace(/\r\n?/g, '\n');
    }
    if (this.rest !== '') text = this.rest + text;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.line(text.slice(start, nl));
      start = nl + 1;
    }
    this.rest = start === 0 ? text : text.slice(start);
  }

  private line(line: string): void {
    if (line.length === 0) return this.dispatch();
    const colon = line.indexOf(':');
    if (colon === 0) return;
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    if (field === 'data') this.data = this.data === undefined ? value : `${this.data}\n${value}`;
    else if (field === 'event') this.event = value;
    else if (field === 'id' && value.indexOf('\0') === -1) this.lastId = value;
  }

  private dispatch(): void {
    const data = this.data;
    const event = this.event;
    this.data = undefined;
    this.event = undefined;
    if (data === undefined) return;
    const out: SseEvent = { data };
    if (event !== undefined && event !== '') out.event = event;
    if (this.lastId) out.id = this.lastId;
    this.onEvent(out);
  }
}

/** Reads a byte stream as SSE events. */
export async function* readSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const pending: SseEvent[] = [];
  const parser = new SseParser((e) => pending.push(e));
  for await (const chunk of body) {
    parser.push(chunk);
    for (let i = 0; i < pending.length; i++) yield pending[i];
    pending.length = 0;
  }
  parser.end();
  yield* pending;
}
