import type { ChatProvider, Deployment, SseEvent, UpstreamRequest } from '../provider.js';
import { hasPrepare, hasStreamDecoder } from '../provider.js';
import { readSse } from '../sse/sse.parser.js';

/** The request as it goes on the wire: signed or given its access token when the adapter can do that. */
export function prepareRequest(adapter: ChatProvider, request: UpstreamRequest, dep: Deployment, signal: AbortSignal): Promise<UpstreamRequest> {
  return hasPrepare(adapter) ? adapter.prepare(request, dep, signal) : Promise.resolve(request);
}

/** A stream body as the events the adapter's `chatStream` mapper takes: its own decoder, or SSE. */
export function upstreamEvents(adapter: ChatProvider, body: AsyncIterable<Uint8Array>, dep: Deployment): AsyncIterable<SseEvent> {
  return hasStreamDecoder(adapter) ? adapter.decodeStream(body, dep) : readSse(body);
}
