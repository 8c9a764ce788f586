import type { FastifyReply } from 'fastify';
import { HelixError } from '@helix/contracts';
import type { Answer, StreamAnswer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import { openAIChatFormat, type WireFormat } from './wire-format.js';

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' };

/** Writes a pipeline answer in the endpoint's wire format: JSON through Fastify, a stream as SSE on the raw socket. */
export async function sendAnswer(reply: FastifyReply, state: RequestState, answer: Answer, format: WireFormat = openAIChatFormat): Promise<void> {
  state.httpStatus = answer.status;
  if (answer.kind === 'json') {
    state.ttfbMs = state.elapsedMs();
    const body = format === openAIChatFormat ? (answer.raw ?? answer.body) : format.json(answer.body, state);
    await reply.status(answer.status).headers(state.responseHeaders).send(body);
    return;
  }
  reply.hijack();
  await writeStream(reply, state, answer, format);
}

async function writeStream(reply: FastifyReply, state: RequestState, answer: StreamAnswer, format: WireFormat): Promise<void> {
  const raw = reply.raw;
  const onClose = () => {
    if (!raw.writableFinished) state.abort.abort();
  };
  raw.on('close', onClose);
  raw.writeHead(answer.status, { ...headersOf(reply), ...state.responseHeaders, ...SSE_HEADERS });
  try {
    for await (const frame of format.sse(answer.chunks, state)) {
      if (!state.ttfbMs) state.ttfbMs = state.elapsedMs();
      if (!raw.write(frame)) await drained(raw, state.abort.signal);
    }
    if (!state.ttfbMs) state.ttfbMs = state.elapsedMs();
    raw.end();
  } catch (err) {
    if (state.abort.signal.aborted) return;
    const e = err instanceof HelixError ? err : new HelixError(500, 'server_error', 'The stream failed.', 'stream_error');
    state.errorType = String(e.type);
    state.errorCode = e.code ?? 'stream_error';
    raw.end(format.sseError(e));
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
