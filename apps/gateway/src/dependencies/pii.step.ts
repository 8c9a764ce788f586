import type { PipelineStepConfig } from '@helix/config';
import { ErrorCodes, HelixError, PiiDirection } from '@helix/contracts';
import { restoreMap, restoreText, StreamRestorer, type RestoreMap } from '@helix/pii';
import type { ChatCompletion, ChatCompletionChunk } from '@helix/providers';
import { mapChunks, type Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { applyFailurePolicy } from './failure-policy.js';
import type { PiiPort } from './ports.js';
import { applySegments, textSegments } from './segments.js';
import { busHeaders, tenantOf } from './tenant.js';

/**
 * Sends the request's text to the pii-service and continues with the redacted
 * text, so the provider and the cache only ever see placeholders. A `block`
 * policy refuses the request (400 `pii_blocked`, types only). On the way out it
 * restores original values in the answer, chunk by chunk on streams.
 */
export class PiiStep implements Step {
  readonly name = 'pii';

  constructor(
    private readonly port: PiiPort,
    private readonly config: () => PipelineStepConfig,
  ) {}

  async before(state: RequestState): Promise<void> {
    const cfg = this.config();
    if (!cfg.enabled) return;
    const segments = textSegments(state.body);
    if (!segments.length) return;
    let reply;
    try {
      reply = await this.port.redact(
        { requestId: state.eventId, tenant: tenantOf(state), segments, direction: PiiDirection.INPUT },
        cfg.timeoutMs,
        busHeaders(state),
      );
    } catch (err) {
      applyFailurePolicy(this.name, ErrorCodes.piiUnavailable, cfg, state, err);
      return;
    }
    state.pii = { replacements: reply.replacements, restore: reply.restore, detections: reply.detections, blocked: reply.blocked };
    if (reply.blocked) {
      const types = reply.blockedEntities.join(', ');
      throw new HelixError(400, 'invalid_request_error', `The request contains personal data the policy blocks: ${types}.`, ErrorCodes.piiBlocked);
    }
    state.body = applySegments(state.body, reply.segments, segments);
  }

  transform(answer: Answer, state: RequestState): Answer {
    if (!state.pii?.restore || !state.pii.replacements.length) return answer;
    const map = restoreMap(state.pii.replacements);
    if (answer.kind === 'json') return { ...answer, raw: undefined, body: restoreCompletion(answer.body as unknown as ChatCompletion, map) as unknown as Record<string, unknown> };
    return mapChunks(answer, (chunks) => restoreChunks(chunks, map));
  }
}

function restoreCompletion(body: ChatCompletion, map: RestoreMap): ChatCompletion {
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
async function* restoreChunks(chunks: AsyncIterable<ChatCompletionChunk>, map: RestoreMap): AsyncGenerator<ChatCompletionChunk> {
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
