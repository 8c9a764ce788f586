import type { ChatCompletion, ChatCompletionChunk, ChatRequest, ChatUsage } from '../openai.types.js';
import { fnv1a, hex } from './hash.js';
import { lastUserText, mockAnswer, roughTokens, type MockAnswer } from './mock-answer.js';
import type { MockSettings } from './mock-settings.js';

const PER_MESSAGE = 3;

/** Prompt tokens: fixed by settings, or counted deterministically from the messages. */
function usageFor(req: ChatRequest, answer: MockAnswer, settings: MockSettings): ChatUsage {
  let prompt = PER_MESSAGE;
  for (const m of req.messages ?? []) prompt += PER_MESSAGE + roughTokens(typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? ''));
  const output = answer.kind === 'text' ? answer.text : answer.call.function.name + answer.call.function.arguments;
  const prompt_tokens = settings.promptTokens ?? prompt;
  const completion_tokens = settings.completionTokens ?? roughTokens(output);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

const completionId = (req: ChatRequest) => `chatcmpl-mock${hex(fnv1a(`${req.model}\n${lastUserText(req.messages ?? [])}`))}`;
const now = () => Math.floor(Date.now() / 1000);

/** A complete `chat.completion`, deterministic from the request (but `created`). */
export function mockCompletion(req: ChatRequest, settings: MockSettings): ChatCompletion {
  const answer = mockAnswer(req);
  const message =
    answer.kind === 'text'
      ? { role: 'assistant' as const, content: answer.text, refusal: null }
      : { role: 'assistant' as const, content: null, tool_calls: [answer.call], refusal: null };
  return {
    id: completionId(req),
    object: 'chat.completion',
    created: now(),
    model: req.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: answer.finishReason }],
    usage: usageFor(req, answer, settings),
  };
}

/**
 * The same answer as `chat.completion.chunk`s, the way OpenAI streams it: a role chunk, content
 * (or tool-call argument) pieces, a finish chunk and, with `includeUsage`, a usage chunk with
 * `choices: []` (every other chunk then carries `usage: null`).
 */
export function mockChunks(req: ChatRequest, settings: MockSettings, includeUsage: boolean): ChatCompletionChunk[] {
  const answer = mockAnswer(req);
  const base = { id: completionId(req), object: 'chat.completion.chunk' as const, created: now(), model: req.model };
  const chunk = (delta: ChatCompletionChunk['choices'][0]['delta'], finish: string | null = null): ChatCompletionChunk => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  const out: ChatCompletionChunk[] = [];
  if (answer.kind === 'text') {
    out.push(chunk({ role: 'assistant', content: '', refusal: null }));
    for (const piece of split(answer.text, settings.chunks)) out.push(chunk({ content: piece }));
  } else {
    const { id, type, function: fn } = answer.call;
    out.push(chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id, type, function: { name: fn.name, arguments: '' } }] }));
    for (const piece of split(fn.arguments, settings.chunks)) out.push(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
  }
  out.push(chunk({}, answer.finishReason));
  if (includeUsage) out.push({ ...base, choices: [], usage: usageFor(req, answer, settings) });
  return out;
}

/** Splits into at most `n` pieces of near-equal length without cutting a surrogate pair. */
export function split(text: string, n: number): string[] {
  const pieces: string[] = [];
  const size = Math.max(1, Math.ceil(text.length / n));
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + size);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end++;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
