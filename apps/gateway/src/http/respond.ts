import type { FastifyReply } from 'fastify';
import { HelixError } from '@helix/contracts';
import { encodeSse, SSE_DONE } from '@helix/providers';
import type { Answer, StreamAnswer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' };

/** Writes a pipeline answer: JSON through Fastify, a stream as SSE on the raw socket. */
export async function sendAnswer(reply: FastifyReply, state: RequestState, answer: Answer): Promise<void> {
  state.httpStatus = answer.status;
  if (answer.kind === 'json') {
    state.ttfbMs = state.elapsedMs();
    await reply.status(answer.status).headers(state.responseHeaders).send(answer.raw ?? answer.body);
    return;
  }
  reply.hijack();
  await writeStream(reply, state, answer);
}

async function writeStream(reply: FastifyReply, state: RequestState, answer: StreamAnswer): Promise<void> {
  const raw = reply.raw;
  const onClose = () => {
    if (!raw.writableFinished) state.abort.abort();
  };
  raw.on('close', onClose);
  raw.writeHead(answer.status, { ...headersOf(reply), ...state.responseHeaders, ...SSE_HEADERS });
  try {
    for await (const chunk of answer.chunks) {
      if (!state.ttfbMs) state.ttfbMs = state.elapsedMs();
      if (!raw.write(encodeSse(chunk))) await drained(raw, state.abort.signal);
    }
    if (!state.ttfbMs) state.ttfbMs = state.elapsedMs();
    raw.end(encodeSse(SSE_DONE));
  } catch (err) {
    if (state.abort.signal.aborted) return;
    const e = err instanceof HelixError ? err : undefined;
    state.errorType = e ? String(e.type) : 'server_error';
    state.errorCode = e?.code ?? 'stream_error';
    raw.end(encodeSse(e ? e.toBody() : { error: { message: 'The stream failed.', type: 'server_error', param: null, code: 'stream_error' } }));
  } finally {
    raw.off('close', onClose);
  }
}

function headersOf(reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) out[k] = String(v);
  return out;
}

function drained(raw: NodeJS.WritableStream, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      raw.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    raw.on('drain', done);
    signal.addEventListener('abort', done);
  });
}
