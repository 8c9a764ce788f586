import type { Dispatcher } from 'undici';
import { mapUndiciError } from './undici.errors.js';
import { abortReason } from './upstream.errors.js';
import type { SendOptions, UpstreamResponse } from './upstream.transport.js';

/** Pause the socket while this many bytes wait for a slow stream reader; resume below half. */
const HIGH_WATER = 256 * 1024;

/**
 * How long a response whose reader stopped early may take to end by itself before it is aborted. A
 * stream read up to its last event (`[DONE]`) usually ends within this, and then its keep-alive
 * connection serves the next request instead of a new one being opened; anything still running after it
 * is aborted, so the upstream sees the client leave.
 */
const DRAIN_MS = 200;

/**
 * One upstream exchange on undici's low-level `dispatch` API: cheaper than `request()` (no Readable,
 * no AsyncResource per request). It resolves `onHead` with itself as the response once the headers
 * arrive, then buffers the body for `text()` or hands it out chunk by chunk through `body`.
 */
export class UndiciCall implements Dispatcher.DispatchHandler, UpstreamResponse {
  status = 0;
  headers: Record<string, string> = {};
  private controller: Dispatcher.DispatchController | undefined;
  private chunks: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private failure: unknown;
  private headed = false;
  private streaming = false;
  private wake: (() => void) | undefined;
  private drainTimer: NodeJS.Timeout | undefined;
  private discarding = false;
  private readonly onAbort = () => this.controller?.abort(abortReason(this.opts.signal) as Error);

  constructor(
    private readonly origin: string,
    private readonly opts: SendOptions,
    private readonly onHead: (res: UpstreamResponse) => void,
    private readonly onFail: (err: unknown) => void,
  ) {
    opts.signal.addEventListener('abort', this.onAbort, { once: true });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.opts.signal.aborted) this.onAbort();
  }

  onResponseStart(_c: Dispatcher.DispatchController, status: number, headers: Record<string, string | string[] | undefined>): void {
    if (status < 200) return;
    this.status = status;
    this.headers = flatHeaders(headers);
    this.headed = true;
    this.onHead(this);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.discarding) return;
    this.chunks.push(chunk);
    if (!this.streaming) return;
    this.queued += chunk.length;
    if (this.queued > HIGH_WATER) controller.pause();
    this.notify();
  }

  onResponseEnd(): void {
    this.ended = true;
    this.finish();
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    const mapped = mapUndiciError(error, this.origin, this.opts.timeoutMs, this.opts.signal);
    if (!this.headed) this.onFail(mapped);
    else this.failure = mapped;
    this.finish();
  }

  async text(): Promise<string> {
    while (!this.ended && this.failure === undefined) await this.waitFor();
    if (this.failure !== undefined) throw this.failure;
    const { chunks } = this;
    this.chunks = [];
    return chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  get body(): AsyncIterable<Uint8Array> {
    this.streaming = true;
    for (const c of this.chunks) this.queued += c.length;
    return { [Symbol.asyncIterator]: () => ({ next: () => this.next(), return: () => this.close() }) };
  }

  private async next(): Promise<IteratorResult<Uint8Array>> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) {
        this.queued -= chunk.length;
        if (this.controller?.paused && this.queued < HIGH_WATER / 2) this.controller.resume();
        return { value: chunk, done: false };
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return { value: undefined, done: true };
      await this.waitFor();
    }
  }

  /** The reader stopped early: drop the rest, and abort the exchange unless it ends within DRAIN_MS (so the upstream sees it). */
  private async close(): Promise<IteratorResult<Uint8Array>> {
    this.chunks = [];
    if (!this.ended && this.failure === undefined) {
      this.discarding = true;
      if (this.controller?.paused) this.controller.resume();
      this.drainTimer = setTimeout(() => {
        if (!this.ended && this.failure === undefined) this.controller?.abort(new DOMException('The body reader stopped early', 'AbortError') as Error);
      }, DRAIN_MS);
    }
    return { value: undefined, done: true };
  }

  private waitFor(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private finish(): void {
    clearTimeout(this.drainTimer);
    this.opts.signal.removeEventListener('abort', this.onAbort);
    this.notify();
  }
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const key in headers) {
    const v = headers[key];
    if (typeof v !== 'string') headers[key] = Array.isArray(v) ? v.join(', ') : '';
  }
  return headers as Record<string, string>;
}
