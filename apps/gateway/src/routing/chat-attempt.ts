import { HelixError } from '@helix/contracts';
import { getProvider, prepareRequest, type ChatCompletionChunk, type UpstreamResponse, type UpstreamTransport } from '@helix/providers';
import { injectTraceContext } from '@helix/telemetry';
import { streamChunks } from '../chat/stream-chunks.js';
import type { RoutedDeployment } from '../models/model-catalog.js';
import type { StreamAnswer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Attempt, AttemptContext } from './attempt.js';

const RETRY_HEADERS = ['retry-after', 'retry-after-ms'];
const retryableStatus = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * One chat call to one deployment: map, sign, send, and map the answer back. Records the
 * attempt on the state. A stream is returned once its first chunk has arrived (so a failure
 * before the first byte can still be routed elsewhere); the rest stays lazy.
 */
export function chatAttempt(http: UpstreamTransport, state: RequestState): Attempt {
  return async (dep, ctx) => {
    const { adapter, transport } = getProvider(dep.provider);
    const { request, dropped } = adapter.chatRequest(state.body, dep, { stream: state.stream, includeUsage: true });
    const started = performance.now();
    const record = (httpStatus: number, errorType = '') =>
      state.attempts.push({ deployment: dep.id, provider: dep.provider, model: dep.model, httpStatus, errorType, durationMs: Math.round(performance.now() - started) });
    let res: UpstreamResponse;
    try {
      const prepared = await prepareRequest(adapter, request, dep, state.abort.signal);
      injectTraceContext(prepared.headers);
      res = await (transport === 'http' ? http : transport).send(prepared, { signal: state.abort.signal, timeoutMs: ctx.timeoutMs });
    } catch (err) {
      record(err instanceof HelixError ? err.status : 0, err instanceof HelixError ? String(err.type) : 'transport_error');
      throw err;
    }
    if (res.status >= 400) {
      const mapped = adapter.error(res.status, await res.text(), dep);
      const e = mapped.body.error;
      record(res.status, e.type);
      const headers = Object.fromEntries(RETRY_HEADERS.filter((h) => res.headers[h]).map((h) => [h, res.headers[h]!]));
      throw new HelixError(mapped.status, e.type, e.message, e.code, e.param, headers, retryableStatus(res.status));
    }
    if (!state.stream) {
      const mapped = adapter.chatResponse(await res.json(), dep);
      record(res.status);
      serveFrom(state, dep, dropped);
      state.usage = mapped.usage;
      state.servedModel = mapped.model || dep.model;
      state.upstreamBody = mapped.body as unknown as Record<string, unknown>;
      return { kind: 'json', status: 200, body: mapped.body as unknown as Record<string, unknown> };
    }
    const chunks = streamChunks(res, adapter, dep, state);
    let first: IteratorResult<ChatCompletionChunk>;
    try {
      first = await chunks.next();
    } catch (err) {
      record(res.status, err instanceof HelixError ? String(err.type) : 'stream_error');
      throw err;
    }
    record(res.status);
    serveFrom(state, dep, dropped);
    state.servedModel = dep.model;
    return { kind: 'stream', status: 200, chunks: resumed(first, chunks, state, ctx) } satisfies StreamAnswer;
  };
}

/** The deployment that answers: on the state (events) and in `x-helix-deployment`. */
function serveFrom(state: RequestState, dep: RoutedDeployment, dropped: string[]): void {
  state.deployment = dep;
  state.droppedParams = dropped;
  state.responseHeaders['x-helix-deployment'] = dep.id;
  if (dropped.length) state.responseHeaders['x-helix-dropped-params'] = dropped.join(',');
  else delete state.responseHeaders['x-helix-dropped-params'];
}

/** The peeked first chunk, then the rest; tells the router when the stream is over and how. */
async function* resumed(
  first: IteratorResult<ChatCompletionChunk>,
  rest: AsyncGenerator<ChatCompletionChunk>,
  state: RequestState,
  ctx: AttemptContext,
): AsyncGenerator<ChatCompletionChunk> {
  let failure: unknown;
  try {
    if (first.done) return;
    yield first.value;
    yield* rest;
  } catch (err) {
    failure = err;
    const last = state.attempts.at(-1);
    if (last) last.errorType = err instanceof HelixError ? String(err.type) : 'stream_error';
    throw err;
  } finally {
    ctx.done(failure);
    if (failure === undefined) await rest.return(undefined);
  }
}
