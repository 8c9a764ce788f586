import { SseParser, type ChatCompletionChunk, type StreamMapper, type UpstreamResponse } from '@helix/providers';
import type { RequestState } from '../pipeline/request-state.js';

/** A chunk that only carries usage (`choices: []`), added by Helix's include_usage. */
const isUsageOnly = (c: ChatCompletionChunk) => c.choices.length === 0 && !!c.usage;

/**
 * Upstream SSE bytes → OpenAI chunks, lazily. Records usage and whether the stream
 * ended properly on `state`; drops the usage-only chunk Helix asked for when the
 * client did not ask for it itself.
 */
export async function* streamChunks(res: UpstreamResponse, mapper: StreamMapper, state: RequestState): AsyncGenerator<ChatCompletionChunk> {
  const clientWantsUsage = state.body.stream_options?.include_usage === true;
  const ready: ChatCompletionChunk[] = [];
  const parser = new SseParser((event) => {
    const mapped = mapper.map(event);
    if (mapped.usage) state.usage = mapped.usage;
    if (mapped.done) state.streamComplete = true;
    for (const c of mapped.chunks) if (clientWantsUsage || !isUsageOnly(c)) ready.push(c);
  });
  for await (const bytes of res.body) {
    parser.push(bytes);
    while (ready.length) yield ready.shift()!;
    if (state.streamComplete) break;
  }
  parser.end();
  while (ready.length) yield ready.shift()!;
}
