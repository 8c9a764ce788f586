import { HelixError } from '@helix/contracts';
import { getProvider, isAbortError, prepareRequest, type Deployment, type UpstreamResponse, type UpstreamTransport } from '@helix/providers';
import type { Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Handler } from '../pipeline/step.js';
import { streamChunks } from './stream-chunks.js';

/** Upstream statuses worth another deployment. */
const retryable = (status: number) => status === 429 || status >= 500;

/**
 * The terminal step of chat: calls the model's deployments in order until one
 * answers. A failure that another deployment could fix (429, 5xx, timeout,
 * connection) moves on; anything else is the caller's answer.
 */
export class ChatHandler implements Handler {
  constructor(private readonly http: UpstreamTransport) {}

  async handle(state: RequestState): Promise<Answer> {
    const deployments = state.route?.deployments ?? [];
    let last: unknown;
    for (const [i, dep] of deployments.entries()) {
      try {
        return await this.attempt(state, dep);
      } catch (err) {
        if (isAbortError(err) || state.abort.signal.aborted) throw err;
        last = err;
        const more = i < deployments.length - 1;
        if (!more || !(err instanceof HelixError && (err.retryable || retryable(err.status)))) throw err;
      }
    }
    throw last ?? new HelixError(503, 'service_unavailable_error', `No deployment can serve ${state.model}.`, 'no_deployment');
  }

  private async attempt(state: RequestState, dep: Deployment): Promise<Answer> {
    const { adapter, transport } = getProvider(dep.provider);
    const { request, dropped } = adapter.chatRequest(state.body, dep, { stream: state.stream, includeUsage: true });
    const started = performance.now();
    const record = (httpStatus: number, errorType = '') =>
      state.attempts.push({ deployment: dep.id, provider: dep.provider, model: dep.model, httpStatus, errorType, durationMs: Math.round(performance.now() - started) });
    let res: UpstreamResponse;
    try {
      const prepared = await prepareRequest(adapter, request, dep, state.abort.signal);
      res = await (transport === 'http' ? this.http : transport).send(prepared, { signal: state.abort.signal, timeoutMs: dep.timeoutMs });
    } catch (err) {
      record(err instanceof HelixError ? err.status : 0, err instanceof HelixError ? String(err.type) : 'transport_error');
      throw err;
    }
    if (res.status >= 400) {
      const mapped = adapter.error(res.status, await res.text(), dep);
      const e = mapped.body.error;
      record(res.status, e.type);
      const headers: Record<string, string> = res.headers['retry-after'] ? { 'retry-after': res.headers['retry-after'] } : {};
      throw new HelixError(mapped.status, e.type, e.message, e.code, e.param, headers, retryable(res.status));
    }
    state.deployment = dep;
    state.droppedParams = dropped;
    state.responseHeaders['x-helix-deployment'] = dep.id;
    if (dropped.length) state.responseHeaders['x-helix-dropped-params'] = dropped.join(',');
    if (!state.stream) {
      const mapped = adapter.chatResponse(await res.json(), dep);
      record(res.status);
      state.usage = mapped.usage;
      state.servedModel = mapped.model || dep.model;
      state.upstreamBody = mapped.body as unknown as Record<string, unknown>;
      return { kind: 'json', status: 200, body: mapped.body as unknown as Record<string, unknown> };
    }
    record(res.status);
    state.servedModel = dep.model;
    return { kind: 'stream', status: 200, chunks: streamChunks(res, adapter, dep, state) };
  }
}
