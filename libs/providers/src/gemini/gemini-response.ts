import { ErrorCodes, ErrorTypes, HelixError } from '@helix/contracts';
import type { ChatCompletion, ToolCall } from '../openai.types.js';
import type { MappedResponse } from '../provider.js';
import { chatCompletion, type AnswerChoice } from '../shared/completion.js';
import { randomId } from '../shared/ids.js';
import { geminiFinish, geminiUsage } from './gemini-usage.js';
import type { GeminiCandidate, GeminiPart, GeminiResponse } from './gemini.types.js';

/** A Gemini function call → an OpenAI tool call; its thought signature rides in `extra_content.google` (as Google's OpenAI API does). */
export function geminiToolCall(part: GeminiPart): ToolCall {
  const fc = part.functionCall!;
  const call: ToolCall & { extra_content?: unknown } = {
    id: fc.id || randomId('call_'),
    type: 'function',
    function: { name: fc.name, arguments: JSON.stringify(fc.args ?? {}) },
  };
  if (part.thoughtSignature) call.extra_content = { google: { thought_signature: part.thoughtSignature } };
  return call;
}

function answer(c: GeminiCandidate): AnswerChoice {
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const part of c.content?.parts ?? []) {
    if (part.functionCall) toolCalls.push(geminiToolCall(part));
    else if (typeof part.text === 'string') {
      if (part.thought) reasoning += part.text;
      else text += part.text;
    }
  }
  return { text, toolCalls, reasoning, finishReason: geminiFinish(c.finishReason ?? 'STOP', toolCalls.length > 0) };
}

/** A generateContent response → `chat.completion`: one choice per candidate; a blocked prompt → one empty `content_filter` choice. */
export function geminiCompletion(json: unknown, name: string): MappedResponse<ChatCompletion> {
  const res = json as GeminiResponse;
  if (!res || typeof res !== 'object' || (!Array.isArray(res.candidates) && !res.promptFeedback)) {
    throw new HelixError(502, ErrorTypes.upstream, `The upstream provider (${name}) returned an invalid generateContent response.`, ErrorCodes.upstreamError, null, {}, true);
  }
  const candidates = [...(res.candidates ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const answers = candidates.length ? candidates.map(answer) : [{ text: '', toolCalls: [], finishReason: 'content_filter' }];
  const usage = geminiUsage(res.usageMetadata);
  const model = res.modelVersion ?? '';
  return { body: chatCompletion(res.responseId ?? randomId('chatcmpl-'), model, answers, usage), usage, model };
}
