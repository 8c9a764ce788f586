import { restoreText, StreamRestorer, type RestoreMap } from '@helix/pii';
import type { ChatCompletion, ChatCompletionChunk } from '@helix/providers';

/** A `chat.completion` with known placeholders in its content and tool-call arguments put back. */
export function restoreCompletion(body: ChatCompletion, map: RestoreMap): ChatCompletion {
  return {
    ...body,
    choices: body.choices.map((c) => ({
      ...c,
      message: {
        ...c.message,
        content: typeof c.message.content === 'string' ? restoreText(c.message.content, map) : c.message.content,
        tool_calls: c.message.tool_calls?.map((t) => ({ ...t, function: { ...t.function, arguments: restoreText(t.function.arguments, map) } })),
      },
    })),
  };
}

/** Per choice: one restorer for the content and one per tool call's arguments; held tails flush at finish. */
export async function* restoreChunks(chunks: AsyncIterable<ChatCompletionChunk>, map: RestoreMap): AsyncGenerator<ChatCompletionChunk> {
  const content = new Map<number, StreamRestorer>();
  const args = new Map<number, Map<number, StreamRestorer>>();
  const get = <K>(m: Map<K, StreamRestorer>, k: K) => m.get(k) ?? m.set(k, new StreamRestorer(map)).get(k)!;
  for await (const chunk of chunks) {
    for (const choice of chunk.choices) {
      const d = choice.delta;
      if (typeof d.content === 'string') d.content = get(content, choice.index).push(d.content);
      for (const t of d.tool_calls ?? []) {
        if (t.function?.arguments) t.function.arguments = get(args.get(choice.index) ?? args.set(choice.index, new Map()).get(choice.index)!, t.index ?? 0).push(t.function.arguments);
      }
      if (!choice.finish_reason) continue;
      const rest = content.get(choice.index)?.flush();
      if (rest) d.content = (typeof d.content === 'string' ? d.content : '') + rest;
      for (const [index, r] of args.get(choice.index) ?? []) {
        const tail = r.flush();
        if (tail) (d.tool_calls ??= []).push({ index, function: { arguments: tail } as never });
      }
    }
    yield chunk;
  }
}
