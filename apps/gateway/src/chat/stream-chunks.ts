import { upstreamEvents, type ChatCompletionChunk, type ChatProvider, type Deployment, type UpstreamResponse } from '@helix/providers';
import type { RequestState } from '../pipeline/request-state.js';

/** A chunk that only carries usage (`choices: []`), added by Helix's include_usage. */
const isUsageOnly = (c: ChatCompletionChunk) => c.choices.length === 0 && !!c.usage;

/**
 * Upstream stream → OpenAI chunks, lazily: the adapter's own decoder (Bedrock's
 * event stream) or SSE, then its mapper. Records usage and whether the stream
 * ended properly on `state`; drops the usage-only chunk Helix asked for when the
 * client did not ask for it itself.
 */
export async function* streamChunks(res: UpstreamResponse, adapter: ChatProvider, dep: Deployment, state: RequestState): AsyncGenerator<ChatCompletionChunk> {
  const clientWantsUsage = state.body.stream_options?.include_usage === true;
  const mapper = adapter.chatStream(dep);
  for await (const event of upstreamEvents(adapter, res.body, dep)) {
    const mapped = mapper.map(event);
    if (mapped.usage) state.usage = mapped.usage;
    if (mapped.done) state.streamComplete = true;
    for (const c of mapped.chunks) if (clientWantsUsage || !isUsageOnly(c)) yield c;
    if (state.streamComplete) break;
  }
}
