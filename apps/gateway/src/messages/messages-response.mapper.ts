import type { ChatCompletion } from '@helix/providers';
import type { AnthropicMessage, ResponseBlock } from './anthropic.types.js';
import { anthropicUsage, stopReasonOf } from './stop-reason.js';

/** A chat completion → an Anthropic message: text, then tool calls as `tool_use` blocks. */
export function chatToMessage(completion: ChatCompletion, model: string): AnthropicMessage {
  const choice = completion.choices[0];
  const content: ResponseBlock[] = [];
  const text = typeof choice?.message.content === 'string' ? choice.message.content : '';
  if (text) content.push({ type: 'text', text });
  for (const call of choice?.message.tool_calls ?? []) content.push({ type: 'tool_use', id: call.id, name: call.function.name, input: parseArguments(call.function.arguments) });
  return {
    id: messageId(completion.id),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReasonOf(choice?.finish_reason ?? 'stop'),
    stop_sequence: null,
    usage: anthropicUsage(completion.usage),
  };
}

/** Anthropic ids start with `msg_`. */
export const messageId = (id: string | undefined): string => (id?.startsWith('msg_') ? id : `msg_${(id ?? '').replace(/^chatcmpl-/, '') || Date.now().toString(36)}`);

/** Tool arguments as an object; a model that wrote invalid JSON gets it back as `{ _raw }` rather than a failure. */
export function parseArguments(args: string | undefined): unknown {
  if (!args) return {};
  try {
    return JSON.parse(args);
  } catch {
    return { _raw: args };
  }
}
