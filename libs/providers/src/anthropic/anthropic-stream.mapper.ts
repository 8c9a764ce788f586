import type { MappedStreamEvent, SseEvent, StreamMapper } from '../provider.js';
import { ChunkFactory } from '../shared/chunks.js';
import { parseEvent, streamFailure } from '../shared/stream-failure.js';
import { readAnthropicError } from './anthropic-error.js';
import { anthropicFinish, anthropicUsage } from './anthropic-usage.js';
import type { AnthropicUsage } from './anthropic.types.js';

const NOTHING: MappedStreamEvent = Object.freeze({ chunks: [] }) as MappedStreamEvent;

type Event = Record<string, any>;

/**
 * Anthropic stream events → chunks. `message_start` → the role chunk; text, tool-argument and
 * thinking deltas → content, `tool_calls` and `reasoning_content` deltas (tool calls numbered
 * among themselves, as OpenAI does); `message_delta` → the finish chunk; `message_stop` → the
 * usage chunk and done; `ping` and block starts/stops without content → nothing; `error` throws.
 */
export class AnthropicStreamMapper implements StreamMapper {
  private readonly chunks = new ChunkFactory();
  private readonly toolIndex = new Map<number, number>();
  private usage: AnthropicUsage = {};

  map(event: SseEvent): MappedStreamEvent {
    if (!event.data || event.event === 'ping') return NOTHING;
    const e: Event = parseEvent(event.data);
    switch (e.type) {
      case 'message_start':
        return this.start(e.message ?? {});
      case 'content_block_start':
        return this.blockStart(e.index, e.content_block ?? {});
      case 'content_block_delta':
        return this.delta(e.index, e.delta ?? {});
      case 'message_delta':
        this.usage = { ...this.usage, ...definedCounts(e.usage) };
        return { chunks: [this.chunks.chunk({}, anthropicFinish(e.delta?.stop_reason))] };
      case 'message_stop': {
        const usage = anthropicUsage(this.usage);
        return { chunks: [this.chunks.usage(usage)], usage, done: true };
      }
      case 'error':
        throw streamFailure(readAnthropicError(e));
      default:
        return NOTHING;
    }
  }

  private start(message: Event): MappedStreamEvent {
    if (typeof message.id === 'string') this.chunks.id = message.id;
    if (typeof message.model === 'string') this.chunks.model = message.model;
    this.usage = definedCounts(message.usage);
    return { chunks: [this.chunks.chunk({ role: 'assistant', content: '' })] };
  }

  private blockStart(index: number, block: Event): MappedStreamEvent {
    if (block.type === 'tool_use') {
      const n = this.toolIndex.size;
      this.toolIndex.set(index, n);
      return { chunks: [this.chunks.chunk({ tool_calls: [{ index: n, id: block.id, type: 'function', function: { name: block.name, arguments: '' } }] })] };
    }
    if (block.type === 'text' && block.text) return { chunks: [this.chunks.chunk({ content: block.text })] };
    return NOTHING;
  }

  private delta(index: number, delta: Event): MappedStreamEvent {
    if (delta.type === 'text_delta') return { chunks: [this.chunks.chunk({ content: delta.text })] };
    if (delta.type === 'thinking_delta') return { chunks: [this.chunks.chunk({ reasoning_content: delta.thinking })] };
    const tool = this.toolIndex.get(index);
    if (delta.type === 'input_json_delta' && tool !== undefined && delta.partial_json) {
      return { chunks: [this.chunks.chunk({ tool_calls: [{ index: tool, function: { arguments: delta.partial_json } }] })] };
    }
    return NOTHING;
  }
}

function definedCounts(usage: unknown): AnthropicUsage {
  const out: Record<string, number> = {};
  if (usage && typeof usage === 'object') for (const [k, v] of Object.entries(usage)) if (typeof v === 'number') out[k] = v;
  return out;
}
