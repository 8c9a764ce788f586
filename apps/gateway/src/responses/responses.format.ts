import type { ChatCompletion } from '@helix/providers';
import { encodeSse } from '@helix/providers';
import type { WireFormat } from '../http/wire-format.js';
import type { RequestState } from '../pipeline/request-state.js';
import { responseBase } from './response-object.js';
import { chatToResponse } from './responses-response.mapper.js';
import { ResponsesStreamMapper, type ResponseEvent } from './responses-stream.mapper.js';
import type { ResponsesRequest } from './responses.types.js';

const frame = (e: ResponseEvent) => `event: ${e.type}\n${encodeSse(e)}`;

/**
 * `/v1/responses` on the wire for one request (the response echoes its parameters): a
 * `response` object, or its event stream; errors keep OpenAI's shape, and a stream that
 * fails after it started ends with an `error` event.
 */
export function responsesFormat(request: ResponsesRequest, state: RequestState): WireFormat {
  const base = responseBase(state.eventId, request.model, request);
  let mapper: ResponsesStreamMapper | undefined;
  return {
    json: (body) => chatToResponse(body as unknown as ChatCompletion, base) as unknown as Record<string, unknown>,
    async *sse(chunks) {
      mapper = new ResponsesStreamMapper(base);
      for await (const chunk of chunks) for (const e of mapper.map(chunk)) yield frame(e);
      for (const e of mapper.end()) yield frame(e);
    },
    sseError: (err) => frame((mapper ?? new ResponsesStreamMapper(base)).error(err.code ?? String(err.type), err.message, err.param)),
    errorBody: (err) => err.toBody(),
  };
}
