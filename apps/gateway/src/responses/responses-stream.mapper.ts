import type { ChatCompletionChunk, ChatUsage } from '@helix/providers';
import { itemId, responseObject, type OutputItem, type ResponseBase } from './response-object.js';

/** One Responses stream event; `type` is also the SSE event name. */
export type ResponseEvent = { type: string; sequence_number: number; [key: string]: unknown };

type MessageItem = Extract<OutputItem, { type: 'message' }>;
type CallItem = Extract<OutputItem, { type: 'function_call' }>;

/**
 * Chat chunks → Responses stream events, statefully: `response.created` and
 * `response.in_progress` first; per text answer `response.output_item.added`,
 * `response.content_part.added`, `response.output_text.delta`…, `response.output_text.done`,
 * `response.content_part.done`, `response.output_item.done`; per tool call
 * `response.output_item.added`, `response.function_call_arguments.delta`…,
 * `response.function_call_arguments.done`, `response.output_item.done`; then
 * `response.completed` (or `response.incomplete`) with the whole response and its usage.
 */
export class ResponsesStreamMapper {
  private seq = 0;
  private started = false;
  private readonly output: OutputItem[] = [];
  private open?: MessageItem | CallItem;
  private toolIndex = -1;
  private finish: string | null = null;
  private usage?: ChatUsage | null;

  constructor(private readonly base: ResponseBase) {}

  map(chunk: ChatCompletionChunk): ResponseEvent[] {
    const out = this.start();
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) return out;
    const text = typeof choice.delta.content === 'string' ? choice.delta.content : '';
    if (text) {
      const item = this.open?.type === 'message' ? this.open : this.openMessage(out);
      item.content[0]!.text += text;
      out.push(this.event('response.output_text.delta', { item_id: item.id, output_index: this.index(item), content_index: 0, delta: text, logprobs: [] }));
    }
    for (const call of choice.delta.tool_calls ?? []) {
      const item = this.open?.type === 'function_call' && this.toolIndex === call.index ? this.open : this.openCall(out, call.index, call.id, call.function?.name);
      const delta = call.function?.arguments ?? '';
      if (!delta) continue;
      item.arguments += delta;
      out.push(this.event('response.function_call_arguments.delta', { item_id: item.id, output_index: this.index(item), delta }));
    }
    if (choice.finish_reason) this.finish = choice.finish_reason;
    return out;
  }

  end(): ResponseEvent[] {
    const out = this.start();
    this.close(out);
    const response = responseObject(this.base, this.output, this.finish, this.usage);
    out.push(this.event(response.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response }));
    return out;
  }

  /** The `error` event that ends a stream that failed after it started. */
  error(code: string, message: string, param: string | null): ResponseEvent {
    return this.event('error', { code, message, param });
  }

  private start(): ResponseEvent[] {
    if (this.started) return [];
    this.started = true;
    const response = responseObject(this.base, [], null, null, 'in_progress');
    return [this.event('response.created', { response }), this.event('response.in_progress', { response })];
  }

  private openMessage(out: ResponseEvent[]): MessageItem {
    this.close(out);
    const item: MessageItem = { type: 'message', id: itemId(this.base, 'msg', this.output.length), status: 'in_progress', role: 'assistant', content: [] };
    this.add(out, item);
    const part = { type: 'output_text' as const, text: '', annotations: [], logprobs: [] };
    item.content.push(part);
    out.push(this.event('response.content_part.added', { item_id: item.id, output_index: this.index(item), content_index: 0, part: { ...part } }));
    return item;
  }

  private openCall(out: ResponseEvent[], index: number, callId: string | undefined, name: string | undefined): CallItem {
    this.close(out);
    this.toolIndex = index;
    const item: CallItem = { type: 'function_call', id: itemId(this.base, 'fc', this.output.length), call_id: callId ?? `call_${index}`, name: name ?? '', arguments: '', status: 'in_progress' };
    this.add(out, item);
    return item;
  }

  private add(out: ResponseEvent[], item: MessageItem | CallItem): void {
    this.output.push(item);
    this.open = item;
    out.push(this.event('response.output_item.added', { output_index: this.index(item), item: structuredClone(item) }));
  }

  private close(out: ResponseEvent[]): void {
    const item = this.open;
    if (!item) return;
    this.open = undefined;
    const output_index = this.index(item);
    if (item.type === 'message') {
      const part = item.content[0]!;
      out.push(this.event('response.output_text.done', { item_id: item.id, output_index, content_index: 0, text: part.text, logprobs: [] }));
      out.push(this.event('response.content_part.done', { item_id: item.id, output_index, content_index: 0, part: { ...part } }));
    } else {
      out.push(this.event('response.function_call_arguments.done', { item_id: item.id, output_index, name: item.name, arguments: item.arguments }));
    }
    item.status = 'completed';
    out.push(this.event('response.output_item.done', { output_index, item: structuredClone(item) }));
  }

  private index(item: OutputItem): number {
    return this.output.indexOf(item);
  }

  private event(type: string, fields: Record<string, unknown>): ResponseEvent {
    return { type, sequence_number: this.seq++, ...fields };
  }
}
