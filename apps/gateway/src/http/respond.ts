import type { FastifyReply } from 'fastify';
import { HelixError } from '@helix/contracts';
import type { Answer, StreamAnswer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import { openAIChatFormat, type WireFormat } from './wire-format.js';

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' };
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Writes a pipeline answer in the endpoint's wire format on the raw response, after the headers
 * the request's hooks set (request id, security headers, CORS): JSON in one write, a stream as SSE.
 * Fastify's onSend hooks do not run for either; its onResponse hooks do.
 */
export async function sendAnswer(reply: FastifyReply, state: RequestState, answer: Answer, format: WireFormat = openAIChatFormat): Promise<void> {
  state.httpStatus = answer.status;
  reply.hijack();
  if (answer.kind === 'json') {
    state.ttfbMs = state.elapsedMs();
    const body = format === openAIChatFormat ? (answer.raw ?? JSON.stringify(answer.body)) : JSON.stringify(format.json(answer.body, state));
    const headers = headersOf(reply, state.responseHeaders);
    headers['content-type'] = JSON_TYPE;
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
    reply.raw.writeHead(answer.status, headers);
    reply.raw.end(body);
    return;
  }
  await writeStream(reply, state, answer, format);
}

async function writeStream(reply: FastifyReply, state: RequestState, answer: StreamAnswer, format: WireFormat): Promise<void> {
  const raw = reply.raw;
  const onClose = () => {
    if (!raw.writableFinished) state.abort.abort();
  };
  raw.on('close', onClose);
  raw.writeHead(answer.status, Object.assign(headersOf(reply, state.responseHeaders), SSE_HEADERS));
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

/** The reply's headers (set by hooks), then the pipeline's. */
function headersOf(reply: FastifyReply, extra: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const set = reply.getHeaders();
  for (const k in set) {
    const v = set[k];
    if (v !== undefined) out[k] = String(v);
  }
  for (const k in extra) out[k] = extra[k]!;
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
