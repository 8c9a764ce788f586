import type { ChatCompletion } from '@helix/providers';
import type { WireFormat } from '../http/wire-format.js';
import { anthropicErrorBody } from './anthropic-error.js';
import { chatToMessage } from './messages-response.mapper.js';
import { MessagesStreamMapper, type AnthropicEvent } from './messages-stream.mapper.js';

/** An Anthropic SSE frame: the event name is the event's type. */
const frame = (e: AnthropicEvent) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;

/** `/v1/messages` on the wire: Anthropic messages, event streams and errors, named by the model the client asked for. */
export const messagesFormat: WireFormat = {
  json: (body, state) => chatToMessage(body as unknown as ChatCompletion, state.requestedModel) as unknown as Record<string, unknown>,
  async *sse(chunks, state) {
    const mapper = new MessagesStreamMapper(state.requestedModel, state.estimatedPromptTokens);
    for await (const chunk of chunks) for (const e of mapper.map(chunk)) yield frame(e);
    for (const e of mapper.end()) yield frame(e);
  },
  sseError: (err) => frame({ ...anthropicErrorBody(err) }),
  errorBody: anthropicErrorBody,
};
