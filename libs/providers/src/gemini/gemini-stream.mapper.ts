import type { ChatCompletionChunk } from '../openai.types.js';
import type { MappedStreamEvent, SseEvent, StreamMapper } from '../provider.js';
import { ChunkFactory } from '../shared/chunks.js';
import { parseEvent, streamFailure } from '../shared/stream-failure.js';
import { readGoogleError } from './gemini-error.js';
import { geminiToolCall } from './gemini-response.js';
import { geminiFinish, geminiUsage } from './gemini-usage.js';
import type { GeminiCandidate, GeminiResponse } from './gemini.types.js';

/**
 * streamGenerateContent (`alt=sse`) events → chunks. Each event is a partial response: the first
 * part of a candidate opens its choice with the role, text → content (thoughts → reasoning_content),
 * each function call arrives whole → one tool-call delta, `finishReason` → the finish chunk. The
 * stream is done (usage chunk, latest `usageMetadata`) once every candidate seen has finished.
 */
export class GeminiStreamMapper implements StreamMapper {
  private readonly chunks = new ChunkFactory();
  private readonly tools = new Map<number, number>();
  private readonly finished = new Set<number>();
  private started = false;
  private usage = geminiUsage(undefined);

  map(event: SseEvent): MappedStreamEvent {
    if (!event.data) return { chunks: [] };
    const res = parseEvent(event.data) as GeminiResponse & { error?: unknown };
    if (res.error) throw streamFailure(readGoogleError(res));
    if (!this.started) {
      this.started = true;
      if (res.responseId) this.chunks.id = res.responseId;
      if (res.modelVersion) this.chunks.model = res.modelVersion;
    }
    if (res.usageMetadata) this.usage = geminiUsage(res.usageMetadata);
    const out: ChatCompletionChunk[] = [];
    const candidates = res.candidates ?? [];
    if (!candidates.length && res.promptFeedback?.blockReason) {
      out.push(this.chunks.chunk({ role: 'assistant', content: '' }), this.chunks.chunk({}, 'content_filter'));
      this.finished.add(0);
      this.tools.set(0, 0);
    }
    for (const c of candidates) out.push(...this.candidate(c));
    if (this.finished.size === 0 || this.finished.size < this.tools.size) return { chunks: out };
    out.push(this.chunks.usage(this.usage));
    return { chunks: out, usage: this.usage, done: true };
  }

  private candidate(c: GeminiCandidate): ChatCompletionChunk[] {
    const index = c.index ?? 0;
    const out: ChatCompletionChunk[] = [];
    if (!this.tools.has(index)) {
      this.tools.set(index, 0);
      out.push(this.chunks.chunk({ role: 'assistant', content: '' }, null, index));
    }
    for (const part of c.content?.parts ?? []) {
      if (part.functionCall) {
        const n = this.tools.get(index)!;
        this.tools.set(index, n + 1);
        const call = geminiToolCall(part);
        out.push(this.chunks.chunk({ tool_calls: [{ index: n, ...call }] }, null, index));
      } else if (typeof part.text === 'string' && part.text) {
        out.push(this.chunks.chunk(part.thought ? { reasoning_content: part.text } : { content: part.text }, null, index));
      }
    }
    if (c.finishReason) {
      this.finished.add(index);
      out.push(this.chunks.chunk({}, geminiFinish(c.finishReason, this.tools.get(index)! > 0), index));
    }
    return out;
  }
}
