import type { ChatCompletion, ChatMessage, ToolCall } from '../openai.types.js';
import type { TokenUsage } from '../provider.js';
import { nowSeconds } from './ids.js';
import { chatUsage } from './usage.js';

/** One answer of a provider, already in OpenAI terms. */
export interface AnswerChoice {
  text: string;
  toolCalls: ToolCall[];
  /** Thinking text, sent as `reasoning_content` (the field DeepSeek, vLLM and LiteLLM use). */
  reasoning?: string;
  finishReason: string;
}

/** Builds a `chat.completion` from a provider's answers. */
export function chatCompletion(id: string, model: string, answers: AnswerChoice[], usage: TokenUsage): ChatCompletion {
  return {
    id,
    object: 'chat.completion',
    created: nowSeconds(),
    model,
    choices: answers.map((a, index) => ({ index, message: assistantMessage(a), logprobs: null, finish_reason: a.finishReason })),
    usage: chatUsage(usage),
  };
}

function assistantMessage(a: AnswerChoice): ChatMessage {
  const message: ChatMessage = { role: 'assistant', content: a.text === '' && a.toolCalls.length ? null : a.text, refusal: null };
  if (a.toolCalls.length) message.tool_calls = a.toolCalls;
  if (a.reasoning) message.reasoning_content = a.reasoning;
  return message;
}
