import type { PipelineStepConfig } from '@helix/config';
import { ErrorCodes, HelixError, PiiDirection } from '@helix/contracts';
import { restoreMap } from '@helix/pii';
import type { ChatCompletion } from '@helix/providers';
import { mapChunks, type Answer, type JsonAnswer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Step } from '../pipeline/step.js';
import { applyFailurePolicy } from './failure-policy.js';
import { OutputScanner } from './pii-output.js';
import { restoreChunks, restoreCompletion } from './pii-restore.js';
import type { PiiPort } from './ports.js';
import { applySegments, textSegments } from './segments.js';
import { busHeaders, tenantOf } from './tenant.js';
import { sizedTimeoutMs } from './sized-timeout.js';

/**
 * Sends the request's text to the pii-service and continues with the redacted
 * text, so the provider and the cache only ever see placeholders. A `block`
 * policy refuses the request (400 `pii_blocked`, types only). On the way out,
 * when the policy scans output, new personal data in the answer is redacted
 * (streams: per completed sentence or line, bounded hold-back); then original
 * values are restored, chunk by chunk on streams.
 */
export class PiiStep implements Step {
  readonly name = 'pii';
  private readonly scanners = new WeakMap<RequestState, OutputScanner>();

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
      reply = await this.port.redact({ requestId: state.eventId, tenant: tenantOf(state), segments, direction: PiiDirection.INPUT }, sizedTimeoutMs(cfg.timeoutMs, segments.reduce((n, seg) => n + seg.text.length, 0)), busHeaders(state));
    } catch (err) {
      applyFailurePolicy(this.name, ErrorCodes.piiUnavailable, cfg, state, err);
      return;
    }
    state.pii = { replacements: reply.replacements, restore: reply.restore, detections: reply.detections, blocked: reply.blocked };
    if (reply.blocked) {
      const types = reply.blockedEntities.join(', ');
      throw new HelixError(400, 'invalid_request_error', `The request contains personal data the policy blocks: ${types}.`, ErrorCodes.piiBlocked);
    }
    if (reply.scanOutput) {
      this.scanners.set(state, new OutputScanner(this.port, state, cfg.timeoutMs, (err) => applyFailurePolicy(this.name, ErrorCodes.piiUnavailable, cfg, state, err)));
    }
    state.body = applySegments(state.body, reply.segments, segments);
  }

  async transform(answer: Answer, state: RequestState): Promise<Answer> {
    const scanner = this.scanners.get(state);
    const map = state.pii?.restore && state.pii.replacements.length ? restoreMap(state.pii.replacements) : undefined;
    if (answer.kind === 'json') {
      const scanned = await this.scanJson(answer, state);
      return map ? { ...scanned, raw: undefined, body: restoreCompletion(scanned.body as unknown as ChatCompletion, map) as unknown as Record<string, unknown> } : scanned;
    }
    let out = answer;
    if (scanner) out = mapChunks(out, (chunks) => scanner.scanChunks(chunks));
    if (map) out = mapChunks(out, (chunks) => restoreChunks(chunks, map));
    return out;
  }

  /** Output scanning of a complete (non-stream) answer; also replaces the cache's copy. */
  async scanJson(answer: JsonAnswer, state: RequestState): Promise<JsonAnswer> {
    const scanner = this.scanners.get(state);
    if (!scanner) return answer;
    const body = await scanner.scanCompletion(answer.body as unknown as ChatCompletion);
    if (state.upstreamBody) state.upstreamBody = body as unknown as Record<string, unknown>;
    return { ...answer, raw: undefined, body: body as unknown as Record<string, unknown> };
  }
}
