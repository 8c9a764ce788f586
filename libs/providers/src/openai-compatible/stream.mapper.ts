import { HelixError, ErrorCodes, ErrorTypes, type OpenAIErrorBody } from '@helix/contracts';
import type { ChatCompletionChunk } from '../openai.types.js';
import type { MappedStreamEvent, SseEvent, StreamMapper } from '../provider.js';
import { SSE_DONE } from '../sse/sse.writer.js';
import { upstreamError } from './upstream-error.js';
import { normalizeUsage } from './usage.js';

/**
 * The upstream failed in the middle of a stream (an `error` event, or a chunk that is not JSON).
 * `body` is the OpenAI error to send to the client as the last event.
 */
export class UpstreamStreamError extends HelixError {
  constructor(readonly body: OpenAIErrorBody) {
    super(502, body.error.type, body.error.message, body.error.code, body.error.param, {}, false);
    this.name = 'UpstreamStreamError';
  }
}

const NOTHING: MappedStreamEvent = Object.freeze({ chunks: [] }) as MappedStreamEvent;
const DONE: MappedStreamEvent = Object.freeze({ chunks: [], done: true }) as MappedStreamEvent;

/**
 * OpenAI-compatible SSE → chunks: `[DONE]` → done; chunks pass through; a chunk carrying
 * `usage` yields it. A usage-only chunk (OpenAI sends `choices: []`; some servers send null
 * or omit it) is normalised to `choices: []`, so the gateway can recognise and strip it.
 */
export class OpenAIStreamMapper implements StreamMapper {
  map(event: SseEvent): MappedStreamEvent {
    const data = event.data;
    if (data === SSE_DONE) return DONE;
    if (data === '' || (event.event !== undefined && event.event !== 'error' && event.event !== 'message')) return NOTHING;
    const chunk = parse(data);
    const error = (chunk as { error?: unknown }).error;
    if (event.event === 'error' || (error !== undefined && error !== null)) throw new UpstreamStreamError(streamError(error ?? chunk));
    if (!Array.isArray(chunk.choices)) chunk.choices = [];
    if (chunk.usage) return { chunks: [chunk], usage: normalizeUsage(chunk.usage) };
    return { chunks: [chunk] };
  }
}

function parse(data: string): ChatCompletionChunk {
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    throw new UpstreamStreamError(upstreamError('The upstream provider sent a stream event that is not JSON.'));
  }
  if (!chunk || typeof chunk !== 'object') throw new UpstreamStreamError(upstreamError('The upstream provider sent an invalid stream event.'));
  return chunk as ChatCompletionChunk;
}

function streamError(error: unknown): OpenAIErrorBody {
  const e = (typeof error === 'object' && error ? error : {}) as Record<string, unknown>;
  const message = typeof e.message === 'string' ? e.message : typeof error === 'string' ? error : 'The upstream provider failed mid-stream.';
  return {
    error: {
      message: `The upstream provider failed mid-stream: ${message}`,
      type: typeof e.type === 'string' ? e.type : ErrorTypes.upstream,
      param: null,
      code: typeof e.code === 'string' ? e.code : ErrorCodes.upstreamError,
    },
  };
}
