import { UpstreamConnectionError, UpstreamTimeoutError } from '../http/upstream.errors.js';
import type { SendOptions, UpstreamResponse, UpstreamTransport } from '../http/upstream.transport.js';
import type { UpstreamRequest } from '../provider.js';
import { MockFailures } from './mock-failures.js';
import { mockReply, type MockReply } from './mock-reply.js';
import { DEFAULT_MOCK_SETTINGS, type MockSettings } from './mock-settings.js';
import { RequestLog, recordableHeaders, type RecordedRequest } from './request-log.js';
import { sleep } from './sleep.js';

const ORIGIN = 'mock';
const encoder = new TextEncoder();

/**
 * The in-process transport of the `mock` provider: no network, OpenAI-compatible JSON and SSE bytes
 * from `mockReply`, with its latency, chunk delays and `x-mock-*` failures. A latency or chunk delay
 * longer than `timeoutMs` becomes an `UpstreamTimeoutError`; `x-mock-cut-after-chunks` an
 * `UpstreamConnectionError`; an abort rejects with the signal's reason.
 */
export class MockTransport implements UpstreamTransport {
  readonly failures = new MockFailures();
  readonly requests = new RequestLog<RecordedRequest>();
  private readonly defaults: MockSettings;

  constructor(defaults: Partial<MockSettings> = {}) {
    this.defaults = { ...DEFAULT_MOCK_SETTINGS, ...defaults };
  }

  async send(req: UpstreamRequest, { signal, timeoutMs }: SendOptions): Promise<UpstreamResponse> {
    const headers = recordableHeaders(req.headers);
    const path = req.url.replace(/^[a-z]+:\/\/[^/]*/i, '');
    this.requests.add({ method: req.method, path, headers, body: parseOrRaw(req.body), at: Date.now() });
    const reply = mockReply(req.method, path, (name) => headers[name], req.body ?? '', this.defaults, this.failures);
    await wait(reply.latencyMs, timeoutMs, 'headers', signal);
    return new MockResponse(reply, signal, timeoutMs);
  }

  async close(): Promise<void> {}
}

class MockResponse implements UpstreamResponse {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    private readonly reply: MockReply,
    private readonly signal: AbortSignal,
    private readonly timeoutMs: number,
  ) {
    this.status = reply.status;
    this.headers = { ...reply.headers };
  }

  get body(): AsyncIterable<Uint8Array> {
    return this.bytes();
  }

  async text(): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of this.bytes()) text += decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  private async *bytes(): AsyncGenerator<Uint8Array> {
    const { json, events, chunkDelayMs, cutAfterChunks } = this.reply;
    if (json !== undefined) {
      if (this.signal.aborted) await sleep(0, this.signal);
      yield encoder.encode(json);
      return;
    }
    for (let i = 0; i < (events?.length ?? 0); i++) {
      if (cutAfterChunks !== undefined && i >= cutAfterChunks) throw new UpstreamConnectionError(ORIGIN, 'ECONNRESET');
      await wait(i === 0 ? 0 : chunkDelayMs, this.timeoutMs, 'body', this.signal);
      yield encoder.encode(events![i]);
    }
  }
}

async function wait(ms: number, timeoutMs: number, phase: 'headers' | 'body', signal: AbortSignal): Promise<void> {
  if (ms > timeoutMs) {
    await sleep(timeoutMs, signal);
    throw new UpstreamTimeoutError(phase, ORIGIN, timeoutMs);
  }
  await sleep(ms, signal);
}

function parseOrRaw(body: string | undefined): unknown {
  if (body === undefined) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
