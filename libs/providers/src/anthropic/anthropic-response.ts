import { ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import type { ChatCompletion, ToolCall } from '../openai.types.js';
import type { MappedResponse } from '../provider.js';
import { chatCompletion } from '../shared/completion.js';
import { anthropicFinish, anthropicUsage } from './anthropic-usage.js';
import type { AnthropicResponse } from './anthropic.types.js';

/** An Anthropic message → `chat.completion`: text joined, tool_use → tool_calls, thinking → reasoning_content. */
export function anthropicCompletion(json: unknown, name: string): MappedResponse<ChatCompletion> {
  const msg = json as AnthropicResponse;
  if (!msg || typeof msg !== 'object' || !Array.isArray(msg.content)) {
    throw new HelixError(502, ErrorTypes.upstream, `The upstream provider (${name}) returned an invalid message.`, ErrorCodes.upstreamError, null, {}, true);
  }
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of msg.content) {
    if (block.type === 'text') text += block.text;
    else if (block.type === 'thinking') reasoning += block.thinking;
    else if (block.type === 'tool_use') toolCalls.push({ id: block.id, type: 'function', function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
  }
  const usage = anthropicUsage(msg.usage);
  const model = typeof msg.model === 'string' ? msg.model : '';
  return { body: chatCompletion(msg.id, model, [{ text, toolCalls, reasoning, finishReason: anthropicFinish(msg.stop_reason) }], usage), usage, model };
}
