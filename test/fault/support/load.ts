import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';

/** What one request of the load got back. */
export interface Outcome {
  /** The x-request-id sent (and echoed). */
  id: string;
  /** Which key sent it (a name the test chose). */
  client: string;
  stream: boolean;
  /** Milliseconds after the load started. */
  sentAt: number;
  doneAt: number;
  /** HTTP status; 0 when no response came (connection refused or reset, client timeout). */
  status: number;
  /** `error.type` / `error.code` of an error body, or of an error event that ended a stream. */
  errorType?: string;
  errorCode?: string;
  /** The transport error when there was no response, or the stream ended without `[DONE]`. */
  failure?: string;
  /** `x-helix-deployment` / `x-helix-fallback` of the answer. */
  deployment?: string;
  fallback?: string;
  /** `x-helix-cache` (hit-exact, miss, bypass ...). */
  cache?: string;
  /** The request id the gateway echoed (must equal `id`). */
  echoedId?: string;
}

export interface LoadClient {
  name: string;
  key: string;
  /** Share of the requests this key sends (relative weights). */
  weight: number;
}

export interface LoadOptions {
  /** Base URL of the gateway (or the proxy in front of the replicas). */
  url: string;
  clients: LoadClient[];
  /** Requests per second, sent on schedule whatever the answers do (open loop). */
  rate: number;
  /** The longest the load runs; `stop()` ends it sooner. */
  durationMs: number;
  /** Share of requests sent with `stream: true`. */
  streamShare: number;
  model?: string;
  maxTokens?: number;
  /** Per-request client timeout. Default 30 s. */
  timeoutMs?: number;
  /** Called with the elapsed ms before each send, to change what is asked mid-run (extra headers). */
  headers?: (elapsedMs: number) => Record<string, string>;
}

export interface LoadRun {
  outcomes: Outcome[];
  /** Resolves when every request sent has finished (bounded by count and client timeout). */
  done: Promise<Outcome[]>;
  /** The load's start, epoch ms. */
  startedAt: number;
  /** Sends no more requests (those in flight finish). */
  stop(): void;
}

/**
 * An open-loop load: up to `rate × durationMs` chat requests, sent on a fixed schedule (late ticks catch up),
 * a share of them streamed and read to the end. Each answer is recorded with its status, error type and
 * code, request id and the deployment that served it. Bounded in count and in time (client timeout).
 */
export function startLoad(opts: LoadOptions): LoadRun {
  const total = Math.round((opts.rate * opts.durationMs) / 1000);
  let stopped = false;
  const dispatcher = new Agent({ connections: 512, keepAliveTimeout: 10_000, pipelining: 0 });
  const weights = opts.clients.reduce((s, c) => s + c.weight, 0);
  const pick = (i: number) => {
    let x = ((i * 7919) % 1000) / 1000 * weights;
    for (const c of opts.clients) if ((x -= c.weight) < 0) return c;
    return opts.clients[opts.clients.length - 1]!;
  };
  const outcomes: Outcome[] = [];
  const startedAt = Date.now();
  const inflight: Promise<void>[] = [];
  const run = async () => {
    for (let i = 0; i < total && !stopped; i++) {
      const due = startedAt + (i * 1000) / opts.rate;
      const wait = due - Date.now();
      if (wait > 1) await sleep(wait);
      if (stopped) break;
      const client = pick(i);
      const stream = ((i * 104729) % 100) / 100 < opts.streamShare;
      inflight.push(one(opts, dispatcher, client, stream, startedAt).then((o) => void outcomes.push(o)));
    }
    await Promise.all(inflight);
    await dispatcher.close();
    return outcomes;
  };
  return { outcomes, startedAt, done: run(), stop: () => void (stopped = true) };
}

async function one(opts: LoadOptions, dispatcher: Agent, client: LoadClient, stream: boolean, startedAt: number): Promise<Outcome> {
  const id = randomUUID();
  const sentAt = Date.now() - startedAt;
  const out: Outcome = { id, client: client.name, stream, sentAt, doneAt: 0, status: 0 };
  const body = {
    model: opts.model ?? 'gpt-test',
    max_tokens: opts.maxTokens ?? 16,
    stream,
    messages: [{ role: 'user', content: `steady load request ${id.slice(0, 8)} about the quarterly report` }],
  };
  try {
    const res = await request(`${opts.url}/v1/chat/completions`, {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${client.key}`, 'x-request-id': id, ...opts.headers?.(sentAt) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    out.status = res.statusCode;
    out.echoedId = header(res.headers['x-request-id']);
    out.deployment = header(res.headers['x-helix-deployment']);
    out.fallback = header(res.headers['x-helix-fallback']);
    out.cache = header(res.headers['x-helix-cache']);
    const text = await res.body.text();
    if (res.statusCode !== 200) Object.assign(out, errorOf(text));
    else if (stream) readStream(text, out);
  } catch (err) {
    out.failure = (err as Error).name === 'TimeoutError' ? 'client timeout' : String((err as { code?: string }).code ?? (err as Error).message);
  }
  out.doneAt = Date.now() - startedAt;
  return out;
}

function readStream(text: string, out: Outcome): void {
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    const data = JSON.parse(line.slice(6)) as { error?: { type?: string; code?: string } };
    if (data.error) Object.assign(out, { errorType: data.error.type, errorCode: data.error.code });
  }
  if (!out.errorType && !text.includes('data: [DONE]')) out.failure = 'stream ended without [DONE]';
}

function errorOf(text: string): Pick<Outcome, 'errorType' | 'errorCode' | 'failure'> {
  try {
    const { error } = JSON.parse(text) as { error?: { type?: string; code?: string } };
    if (error) return { errorType: error.type, errorCode: error.code };
  } catch {
    /* not JSON */
  }
  return { failure: `non-OpenAI error body: ${text.slice(0, 200)}` };
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Outcomes grouped as `status type/code` (or the failure) with counts, for messages and the report. */
export function tally(outcomes: readonly Outcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) {
    const k = o.failure ? `failed: ${o.failure}` : o.errorCode ? `${o.status} ${o.errorType}/${o.errorCode}` : `${o.status}`;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Outcomes other than a clean 200, counted per second of the load (by send time), for failure messages. */
export function timeline(outcomes: readonly Outcome[], isBad: (o: Outcome) => boolean): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    if (!isBad(o)) continue;
    const s = `${Math.floor(o.sentAt / 1000)}s`;
    const k = o.failure ?? `${o.status} ${o.errorCode ?? ''}`;
    (out[s] ??= {})[k] = (out[s]![k] ?? 0) + 1;
  }
  return out;
}
