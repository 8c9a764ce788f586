import { countChatTokens, estimateTokens, usageMissing, type ChatCompletion, type ChatCompletionChunk, type ChatRequest, type TokenUsage } from '@helix/providers';

/** Usage counted locally (gpt-tokenizer) when the provider reported none: the prompt as sent (an embeddings input as its text), the text generated. Marked `estimated`. */
export function estimateUsage(body: ChatRequest, generated: string): TokenUsage {
  const input = (body as { input?: unknown }).input;
  return {
    inputTokens: Array.isArray(body.messages) ? countChatTokens(body) : estimateTokens(typeof input === 'string' ? input : JSON.stringify(input ?? ''), body.model),
    outputTokens: estimateTokens(generated, body.model),
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    estimated: true,
  };
}

/** The provider's usage when it reported some, else the local count. */
export const usageOrEstimate = (reported: TokenUsage | undefined, body: ChatRequest, generated: string): TokenUsage =>
  reported && !usageMissing(reported) ? reported : estimateUsage(body, generated);

/** The text a completion generated: every choice's content and tool-call arguments. */
export function completionText(body: Pick<ChatCompletion, 'choices'>): string {
  return body.choices.map((c) => `${typeof c.message.content === 'string' ? c.message.content : ''}${(c.message.tool_calls ?? []).map((t) => t.function.name + t.function.arguments).join('')}`).join('');
}

/** The text one stream chunk adds. */
export function chunkText(chunk: ChatCompletionChunk): string {
  let text = '';
  for (const c of chunk.choices) {
    if (typeof c.delta.content === 'string') text += c.delta.content;
    for (const t of c.delta.tool_calls ?? []) text += (t.function?.name ?? '') + (t.function?.arguments ?? '');
  }
  return text;
}
