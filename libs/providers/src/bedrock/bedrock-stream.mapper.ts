import type { MappedStreamEvent, SseEvent, StreamMapper } from '../provider.js';
import { ChunkFactory } from '../shared/chunks.js';
import { parseEvent, streamFailure } from '../shared/stream-failure.js';
import { readAwsError } from './bedrock-error.js';
import { bedrockFinish, bedrockUsage } from './bedrock-usage.js';

const NOTHING: MappedStreamEvent = Object.freeze({ chunks: [] }) as MappedStreamEvent;

type Event = Record<string, any>;

/**
 * ConverseStream events → chunks: `messageStart` → the role chunk; `contentBlockStart` with a
 * toolUse → the tool call's id and name; `contentBlockDelta` → text, tool-argument or
 * reasoning_content deltas; `messageStop` → the finish chunk; `metadata` → usage chunk and done;
 * `exception:*` events throw.
 */
export class BedrockStreamMapper implements StreamMapper {
  private readonly chunks: ChunkFactory;
  private readonly toolIndex = new Map<number, number>();

  constructor(model: string) {
    this.chunks = new ChunkFactory(model);
  }

  map(event: SseEvent): MappedStreamEvent {
    const type = event.event ?? '';
    if (type.startsWith('exception:')) throw streamFailure({ message: readAwsError(safeParse(event.data))?.message ?? 'unknown error', type: type.slice('exception:'.length) });
    const e: Event = parseEvent(event.data || '{}');
    switch (type) {
      case 'messageStart':
        return { chunks: [this.chunks.chunk({ role: 'assistant', content: '' })] };
      case 'contentBlockStart': {
        const tool = e.start?.toolUse;
        if (!tool) return NOTHING;
        const n = this.toolIndex.size;
        this.toolIndex.set(e.contentBlockIndex, n);
        return { chunks: [this.chunks.chunk({ tool_calls: [{ index: n, id: tool.toolUseId, type: 'function', function: { name: tool.name, arguments: '' } }] })] };
      }
      case 'contentBlockDelta':
        return this.delta(e.contentBlockIndex, e.delta ?? {});
      case 'messageStop':
        return { chunks: [this.chunks.chunk({}, bedrockFinish(e.stopReason))] };
      case 'metadata': {
        const usage = bedrockUsage(e.usage);
        return { chunks: [this.chunks.usage(usage)], usage, done: true };
      }
      default:
        return NOTHING;
    }
  }

  private delta(index: number, delta: Event): MappedStreamEvent {
    if (typeof delta.text === 'string') return { chunks: [this.chunks.chunk({ content: delta.text })] };
    if (typeof delta.reasoningContent?.text === 'string') return { chunks: [this.chunks.chunk({ reasoning_content: delta.reasoningContent.text })] };
    const tool = this.toolIndex.get(index);
    if (tool !== undefined && typeof delta.toolUse?.input === 'string' && delta.toolUse.input) {
      return { chunks: [this.chunks.chunk({ tool_calls: [{ index: tool, function: { arguments: delta.toolUse.input } }] })] };
    }
    return NOTHING;
  }
}

function safeParse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
