import { create } from '@bufbuild/protobuf';
import { PiiDirection, TextSegmentSchema, type Replacement } from '@helix/contracts';
import type { ChatChunkChoice, ChatCompletion, ChatCompletionChunk } from '@helix/providers';
import type { RequestState } from '../pipeline/request-state.js';
import { assembleCompletion } from './assemble.js';
import type { PiiPort } from './ports.js';
import { busHeaders, tenantOf } from './tenant.js';

/** Longest answer text held back waiting for a sentence or line end before it is scanned anyway. */
export const OUTPUT_HOLD_BACK = 512;

const BOUNDARY = /[.!?。](?=\s)|\n/g;

/** Scans answer text with the pii-service (direction OUTPUT, numbering after the prompt's placeholders). */
export class OutputScanner {
  /** Placeholders this scanner gave to new personal data in the answer (never restored). */
  private readonly added: Replacement[] = [];

  constructor(
    private readonly port: PiiPort,
    private readonly state: RequestState,
    private readonly timeoutMs: number,
    /** Applies the step's failure policy: throws to fail closed, returns to let the text through unscanned. */
    private readonly onError: (err: unknown) => void,
  ) {}

  async scan(texts: string[]): Promise<string[]> {
    let reply;
    try {
      reply = await this.port.redact(
        {
          requestId: this.state.eventId,
          tenant: tenantOf(this.state),
          direction: PiiDirection.OUTPUT,
          segments: texts.map((text, i) => create(TextSegmentSchema, { path: `output.${i}`, text })),
          known: [...(this.state.pii?.replacements ?? []), ...this.added],
        },
        this.timeoutMs,
        busHeaders(this.state),
      );
    } catch (err) {
      this.onError(err);
      return texts;
    }
    this.added.push(...reply.replacements);
    return reply.blocked ? texts.map(() => '') : reply.segments.map((s) => s.text);
  }

  /** Every choice's content and tool-call arguments of a complete answer, scanned in one call. */
  async scanCompletion(body: ChatCompletion): Promise<ChatCompletion> {
    const texts: string[] = [];
    for (const c of body.choices) {
      texts.push(typeof c.message.content === 'string' ? c.message.content : '');
      for (const t of c.message.tool_calls ?? []) texts.push(t.function.arguments);
    }
    const out = await this.scan(texts);
    let i = 0;
    return {
      ...body,
      choices: body.choices.map((c) => ({
        ...c,
        message: {
          ...c.message,
          content: typeof c.message.content === 'string' ? out[i++]! : (i++, c.message.content),
          tool_calls: c.message.tool_calls?.map((t) => ({ ...t, function: { ...t.function, arguments: out[i++]! } })),
        },
      })),
    };
  }

  /**
   * A stream scanned per completed sentence or line: each choice's content is
   * held until a boundary (or {@link OUTPUT_HOLD_BACK} characters), then scanned
   * and sent; the rest is scanned at the choice's finish. Tool-call arguments
   * (JSON, where a sentence boundary means nothing) are held whole and scanned
   * at the finish, where they go out in the finishing chunk, by tool index.
   * Afterwards the cache's copy of the answer is replaced by the scanned one.
   */
  async *scanChunks(chunks: AsyncIterable<ChatCompletionChunk>): AsyncGenerator<ChatCompletionChunk> {
    const pending = new Map<number, string>();
    const args = new Map<number, Map<number, string>>();
    const scanned: ChatCompletionChunk[] = [];
    for await (const chunk of chunks) {
      for (const choice of chunk.choices) {
        holdArguments(choice, args);
        await this.scanContent(choice, pending);
        if (choice.finish_reason) await this.flushArguments(choice, args);
      }
      scanned.push(structuredClone(chunk));
      yield chunk;
    }
    if (this.state.upstreamBody) this.state.upstreamBody = assembleCompletion(scanned) as unknown as Record<string, unknown>;
  }

  private async scanContent(choice: ChatChunkChoice, pending: Map<number, string>): Promise<void> {
    const d = choice.delta;
    if (typeof d.content !== 'string' && !choice.finish_reason) return;
    const text = (pending.get(choice.index) ?? '') + (typeof d.content === 'string' ? d.content : '');
    const cut = choice.finish_reason ? text.length : cutPoint(text);
    pending.set(choice.index, text.slice(cut));
    if (cut === 0) {
      if (typeof d.content === 'string') d.content = '';
      return;
    }
    [d.content] = await this.scan([text.slice(0, cut)]);
  }

  private async flushArguments(choice: ChatChunkChoice, args: Map<number, Map<number, string>>): Promise<void> {
    const held = args.get(choice.index);
    if (!held?.size) return;
    args.delete(choice.index);
    const out = await this.scan([...held.values()]);
    const tools = [...held.keys()].map((index, i) => ({ index, function: { arguments: out[i]! } }));
    choice.delta.tool_calls = [...(choice.delta.tool_calls ?? []), ...tools];
  }
}

/** Takes the argument pieces out of a choice's tool-call deltas (ids and names still go out), keeping them per tool index. */
function holdArguments(choice: ChatChunkChoice, args: Map<number, Map<number, string>>): void {
  for (const t of choice.delta.tool_calls ?? []) {
    if (!t.function?.arguments) continue;
    const held = args.get(choice.index) ?? args.set(choice.index, new Map()).get(choice.index)!;
    held.set(t.index, (held.get(t.index) ?? '') + t.function.arguments);
    t.function.arguments = '';
  }
}

function cutPoint(text: string): number {
  let cut = 0;
  for (const m of text.matchAll(BOUNDARY)) cut = m.index + m[0].length;
  if (cut === 0 && text.length > OUTPUT_HOLD_BACK) cut = Math.max(text.lastIndexOf(' ') + 1, text.length - OUTPUT_HOLD_BACK);
  return cut;
}
