import type { ChatCompletionChunk, ChatUsage } from '@helix/providers';
import type { AnthropicMessage, StopReason } from './anthropic.types.js';
import { messageId } from './messages-response.mapper.js';
import { anthropicUsage, stopReasonOf } from './stop-reason.js';

/** One Anthropic stream event: its `type` is also the SSE event name. */
export type AnthropicEvent = { type: string; [key: string]: unknown };

type OpenBlock = { kind: 'text' } | { kind: 'tool'; toolIndex: number };

/**
 * Chat chunks → Anthropic stream events, statefully (one per stream): `message_start` on the
 * first chunk, then `content_block_start` / `content_block_delta` (`text_delta`,
 * `input_json_delta`) / `content_block_stop` per text or tool call, and at the end
 * `message_delta` (stop reason and usage) and `message_stop`.
 */
export class MessagesStreamMapper {
  private started = false;
  private index = -1;
  private open?: OpenBlock;
  private stopReason: StopReason = null;
  private usage?: ChatUsage | null;

  constructor(
    private readonly model: string,
    private readonly estimatedInputTokens: number,
  ) {}

  map(chunk: ChatCompletionChunk): AnthropicEvent[] {
    const out = this.start(chunk);
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) return out;
    const text = typeof choice.delta.content === 'string' ? choice.delta.content : '';
    if (text) {
      if (this.open?.kind !== 'text') out.push(...this.openBlock({ kind: 'text' }, { type: 'text', text: '' }));
      out.push({ type: 'content_block_delta', index: this.index, delta: { type: 'text_delta', text } });
    }
    for (const call of choice.delta.tool_calls ?? []) {
      const sameTool = this.open?.kind === 'tool' && this.open.toolIndex === call.index;
      if (!sameTool) out.push(...this.openBlock({ kind: 'tool', toolIndex: call.index }, { type: 'tool_use', id: call.id ?? `toolu_${call.index}`, name: call.function?.name ?? '', input: {} }));
      if (call.function?.arguments) out.push({ type: 'content_block_delta', index: this.index, delta: { type: 'input_json_delta', partial_json: call.function.arguments } });
    }
    if (choice.finish_reason) this.stopReason = stopReasonOf(choice.finish_reason);
    return out;
  }

  /** The closing events, once the chunks are over. */
  end(): AnthropicEvent[] {
    const out = this.start(undefined);
    out.push(...this.closeBlock());
    const usage = anthropicUsage(this.usage);
    out.push({ type: 'message_delta', delta: { stop_reason: this.stopReason ?? 'end_turn', stop_sequence: null }, usage: { ...usage, input_tokens: this.usage ? usage.input_tokens : this.estimatedInputTokens } });
    out.push({ type: 'message_stop' });
    return out;
  }

  private start(chunk: ChatCompletionChunk | undefined): AnthropicEvent[] {
    if (this.started) return [];
    this.started = true;
    const message: AnthropicMessage = {
      id: messageId(chunk?.id),
      type: 'message',
      role: 'assistant',
      model: this.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: this.estimatedInputTokens, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    };
    return [{ type: 'message_start', message }];
  }

  private openBlock(block: OpenBlock, contentBlock: Record<string, unknown>): AnthropicEvent[] {
    const out = this.closeBlock();
    this.open = block;
    this.index += 1;
    out.push({ type: 'content_block_start', index: this.index, content_block: contentBlock });
    return out;
  }

  private closeBlock(): AnthropicEvent[] {
    if (!this.open) return [];
    this.open = undefined;
    return [{ type: 'content_block_stop', index: this.index }];
  }
}
