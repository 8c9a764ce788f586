import type { ChatCompletionChunk } from '@helix/providers';

/** A complete JSON answer. `raw` is the upstream bytes when nothing needs to change them. */
export interface JsonAnswer {
  kind: 'json';
  status: number;
  body: Record<string, unknown>;
  raw?: Buffer;
}

/** A streamed answer: OpenAI chunks, written to the client as SSE. */
export interface StreamAnswer {
  kind: 'stream';
  status: number;
  chunks: AsyncIterable<ChatCompletionChunk>;
}

export type Answer = JsonAnswer | StreamAnswer;

/** Maps every chunk of a stream answer, keeping the stream lazy. */
export function mapChunks(
  answer: StreamAnswer,
  map: (chunks: AsyncIterable<ChatCompletionChunk>) => AsyncIterable<ChatCompletionChunk>,
): StreamAnswer {
  return { ...answer, chunks: map(answer.chunks) };
}
