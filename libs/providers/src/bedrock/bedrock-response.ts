import { ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import type { ChatCompletion, ToolCall } from '../openai.types.js';
import type { MappedResponse } from '../provider.js';
import { chatCompletion } from '../shared/completion.js';
import { randomId } from '../shared/ids.js';
import { bedrockFinish, bedrockUsage, type BedrockUsage } from './bedrock-usage.js';

interface ConverseBlock {
  text?: string;
  toolUse?: { toolUseId: string; name: string; input?: unknown };
  reasoningContent?: { reasoningText?: { text?: string } };
}

interface ConverseResponse {
  output?: { message?: { role?: string; content?: ConverseBlock[] } };
  stopReason?: string;
  usage?: BedrockUsage;
}

/** A Converse response → `chat.completion` (Converse names no model or id: the deployment's model and a fresh id). */
export function converseCompletion(json: unknown, model: string): MappedResponse<ChatCompletion> {
  const res = json as ConverseResponse;
  const content = res?.output?.message?.content;
  if (!Array.isArray(content)) {
    throw new HelixError(502, ErrorTypes.upstream, 'The upstream provider (Bedrock) returned an invalid Converse response.', ErrorCodes.upstreamError, null, {}, true);
  }
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of content) {
    if (typeof block.text === 'string') text += block.text;
    else if (block.toolUse) toolCalls.push({ id: block.toolUse.toolUseId, type: 'function', function: { name: block.toolUse.name, arguments: JSON.stringify(block.toolUse.input ?? {}) } });
    else if (typeof block.reasoningContent?.reasoningText?.text === 'string') reasoning += block.reasoningContent.reasoningText.text;
  }
  const usage = bedrockUsage(res.usage);
  return { body: chatCompletion(randomId('chatcmpl-'), model, [{ text, toolCalls, reasoning, finishReason: bedrockFinish(res.stopReason) }], usage), usage, model };
}
