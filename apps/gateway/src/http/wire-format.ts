import type { HelixError } from '@helix/contracts';
import { encodeSse, SSE_DONE, type ChatCompletionChunk } from '@helix/providers';
import type { RequestState } from '../pipeline/request-state.js';

/**
 * How an endpoint's answers and errors look on the wire. The pipeline always speaks OpenAI chat
 * (bodies and chunks); `/v1/messages` (Anthropic) and `/v1/responses` (OpenAI Responses) map
 * them here, at the edge, so every step runs the same for every endpoint.
 */
export interface WireFormat {
  /** The body of a JSON answer. */
  json(body: Record<string, unknown>, state: RequestState): Record<string, unknown>;
  /** A stream answer as SSE text, frame by frame (the end marker included). */
  sse(chunks: AsyncIterable<ChatCompletionChunk>, state: RequestState): AsyncIterable<string>;
  /** The SSE frame that ends a stream that failed after it started. */
  sseError(err: HelixError): string;
  /** The body of an error answer. */
  errorBody(err: HelixError): object;
}

/** OpenAI's chat format: bodies and chunks as they are, `data: [DONE]` at the end. */
export const openAIChatFormat: WireFormat = {
  json: (body) => body,
  async *sse(chunks) {
    for await (const chunk of chunks) yield encodeSse(chunk);
    yield encodeSse(SSE_DONE);
  },
  sseError: (err) => encodeSse(err.toBody()),
  errorBody: (err) => err.toBody(),
};
