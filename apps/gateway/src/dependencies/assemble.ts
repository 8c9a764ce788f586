import type { ChatCompletion, ChatCompletionChunk, ChatMessage, ToolCall } from '@helix/providers';

/** A streamed answer put back together as one `chat.completion`, for the cache. */
export function assembleCompletion(chunks: readonly ChatCompletionChunk[]): ChatCompletion | undefined {
  const first = chunks[0];
  if (!first) return undefined;
  const choices = new Map<number, { message: ChatMessage; finish_reason: string | null; tools: Map<number, ToolCall> }>();
  let usage: ChatCompletion['usage'];
  for (const chunk of chunks) {
    if (chunk.usage) usage = chunk.usage;
    for (const c of chunk.choices) {
      const acc = choices.get(c.index) ?? choices.set(c.index, { message: { role: 'assistant', content: '' }, finish_reason: null, tools: new Map() }).get(c.index)!;
      if (typeof c.delta.content === 'string') acc.message.content = `${acc.message.content ?? ''}${c.delta.content}`;
      for (const t of c.delta.tool_calls ?? []) {
        const i = t.index ?? 0;
        const call = acc.tools.get(i) ?? acc.tools.set(i, { id: '', type: 'function', function: { name: '', arguments: '' } }).get(i)!;
        if (t.id) call.id = t.id;
        if (t.function?.name) call.function.name += t.function.name;
        if (t.function?.arguments) call.function.arguments += t.function.arguments;
      }
      if (c.finish_reason) acc.finish_reason = c.finish_reason;
    }
  }
  return {
    id: first.id,
    object: 'chat.completion',
    created: first.created,
    model: first.model,
    choices: [...choices.entries()].map(([index, acc]) => ({
      index,
      message: acc.tools.size ? { ...acc.message, content: acc.message.content || null, tool_calls: [...acc.tools.values()] } : acc.message,
      finish_reason: acc.finish_reason,
    })),
    ...(usage ? { usage } : {}),
  };
}

/** A stored `chat.completion` replayed as a stream: one chunk per choice, then the finish and usage. */
export function completionChunks(body: ChatCompletion, includeUsage: boolean): ChatCompletionChunk[] {
  const base = { id: body.id, object: 'chat.completion.chunk' as const, created: body.created, model: body.model };
  const chunks: ChatCompletionChunk[] = [];
  for (const c of body.choices) {
    chunks.push({ ...base, choices: [{ index: c.index, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    const toolCalls = c.message.tool_calls?.map((t, index) => ({ index, ...t }));
    chunks.push({ ...base, choices: [{ index: c.index, delta: { content: c.message.content ?? null, ...(toolCalls ? { tool_calls: toolCalls } : {}) }, finish_reason: null }] });
    chunks.push({ ...base, choices: [{ index: c.index, delta: {}, finish_reason: c.finish_reason }] });
  }
  if (includeUsage && body.usage) chunks.push({ ...base, choices: [], usage: body.usage });
  return chunks;
}
