import type { ChatCompletion, ChatCompletionChunk, ChatRequest, MockReply } from '@helix/providers';

/** A mock reply whose stream events may be binary (AWS event-stream frames). */
export type WireReply = Omit<MockReply, 'events'> & { events?: (string | Uint8Array)[] };

/**
 * A provider's wire format served by the mock: it reads the provider's request as the OpenAI
 * request the mock answers (`mockReply`), then writes that answer back in the provider's format.
 */
export interface WireFormat {
  /** This format serves the route (the path without its query). */
  matches(method: string, route: string): boolean;
  /** Whether the route (or body) asks for a stream. */
  streams(route: string, body: Record<string, unknown>): boolean;
  /** The provider's request as the OpenAI request the mock understands. */
  toChatRequest(body: Record<string, unknown>, route: string): ChatRequest;
  json(completion: ChatCompletion): unknown;
  events(chunks: ChatCompletionChunk[]): (string | Uint8Array)[];
  streamHeaders: Record<string, string>;
  error(status: number, message: string): { body: unknown; headers?: Record<string, string> };
}

/** The answer the mock streamed: text pieces or a tool call's argument pieces, the finish reason and usage. */
export interface StreamedAnswer {
  id: string;
  model: string;
  text: string[];
  tool?: { id: string; name: string; args: string[] };
  finish: string;
  usage: { prompt_tokens: number; completion_tokens: number };
}

export function streamedAnswer(chunks: ChatCompletionChunk[]): StreamedAnswer {
  const out: StreamedAnswer = { id: chunks[0]?.id ?? '', model: chunks[0]?.model ?? '', text: [], finish: 'stop', usage: { prompt_tokens: 0, completion_tokens: 0 } };
  for (const c of chunks) {
    if (c.usage) out.usage = c.usage;
    const choice = c.choices[0];
    if (!choice) continue;
    if (choice.delta.content) out.text.push(choice.delta.content as string);
    for (const t of choice.delta.tool_calls ?? []) {
      if (t.id) out.tool = { id: t.id, name: t.function?.name ?? '', args: [] };
      else if (out.tool && t.function?.arguments) out.tool.args.push(t.function.arguments);
    }
    if (choice.finish_reason) out.finish = choice.finish_reason;
  }
  return out;
}

/** The text of a completion's first choice, or its first tool call. */
export function answerOf(c: ChatCompletion): { text: string; tool?: { id: string; name: string; args: Record<string, unknown> }; finish: string } {
  const m = c.choices[0]?.message;
  const call = m?.tool_calls?.[0];
  return {
    text: typeof m?.content === 'string' ? m.content : '',
    tool: call ? { id: call.id, name: call.function.name, args: JSON.parse(call.function.arguments || '{}') as Record<string, unknown> } : undefined,
    finish: c.choices[0]?.finish_reason ?? 'stop',
  };
}

/** Text of the last user turn, however a format nests it: strings and `text` fields found in it, joined. */
export function textIn(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textIn).filter(Boolean).join(' ');
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.text === 'string') return o.text;
    return textIn(o.content ?? o.parts ?? o.toolResult ?? o.functionResponse ?? '');
  }
  return '';
}

/** An OpenAI function tool from a name and a JSON schema. */
export const fnTool = (name: unknown, parameters: unknown) => ({ type: 'function', function: { name: String(name), parameters: parameters ?? { type: 'object' } } });
