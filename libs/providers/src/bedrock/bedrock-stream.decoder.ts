import { EventStreamCodec, getChunkedStream } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { HelixError } from '@helix/contracts';
import { isAbortError } from '../http/upstream.errors.js';
import type { SseEvent } from '../provider.js';
import { streamFailure } from '../shared/stream-failure.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const decoder = new TextDecoder();

/**
 * AWS event-stream frames (`application/vnd.amazon.eventstream`) → events, with the AWS SDK's codec
 * (frames reassembled across chunks, CRCs checked). An event becomes `{event: <:event-type>, data:
 * <JSON payload>}`; an exception `{event: 'exception:<:exception-type>', data}`. A broken frame fails
 * the stream; transport errors and aborts pass through. Stopping early closes the body.
 */
export async function* decodeEventStream(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const source = body[Symbol.asyncIterator]();
  try {
    for await (const frame of getChunkedStream({ [Symbol.asyncIterator]: () => source })) {
      const message = codec.decode(frame);
      const header = (name: string) => {
        const h = message.headers[name];
        return h && h.type === 'string' ? h.value : undefined;
      };
      const kind = header(':message-type');
      const data = decoder.decode(message.body);
      if (kind === 'event') yield { event: header(':event-type') ?? '', data };
      else if (kind === 'exception') yield { event: `exception:${header(':exception-type') ?? 'unknown'}`, data };
      else yield { event: `exception:${header(':error-code') ?? 'error'}`, data: JSON.stringify({ message: header(':error-message') ?? data }) };
    }
  } catch (err) {
    if (err instanceof HelixError || isAbortError(err)) throw err;
    throw streamFailure({ message: `a malformed event-stream frame (${(err as Error).message})` });
  } finally {
    await source.return?.();
  }
}
