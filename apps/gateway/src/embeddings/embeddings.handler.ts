import { Errors, HelixError } from '@helix/contracts';
import { getProvider, hasEmbeddings, prepareRequest, type EmbeddingsRequest, type UpstreamTransport } from '@helix/providers';
import type { Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { Handler } from '../pipeline/step.js';

/** The terminal step of embeddings: the model's first deployment that has the ability. */
export class EmbeddingsHandler implements Handler {
  constructor(private readonly http: UpstreamTransport) {}

  async handle(state: RequestState): Promise<Answer> {
    const dep = state.route?.deployments[0];
    if (!dep) throw Errors.modelNotFound(state.model);
    const { adapter, transport } = getProvider(dep.provider);
    if (!hasEmbeddings(adapter)) throw Errors.badRequest(`The model \`${state.model}\` cannot make embeddings.`, 'model', 'model_not_supported');
    const started = performance.now();
    const request = await prepareRequest(adapter, adapter.embeddingsRequest(state.body as unknown as EmbeddingsRequest, dep), dep, state.abort.signal);
    const res = await (transport === 'http' ? this.http : transport).send(request, {
      signal: state.abort.signal,
      timeoutMs: dep.timeoutMs,
    });
    const durationMs = Math.round(performance.now() - started);
    if (res.status >= 400) {
      const { status, body } = adapter.error(res.status, await res.text(), dep);
      state.attempts.push({ deployment: dep.id, provider: dep.provider, model: dep.model, httpStatus: res.status, errorType: body.error.type, durationMs });
      throw new HelixError(status, body.error.type, body.error.message, body.error.code, body.error.param);
    }
    const mapped = adapter.embeddingsResponse(await res.json(), dep);
    state.attempts.push({ deployment: dep.id, provider: dep.provider, model: dep.model, httpStatus: res.status, errorType: '', durationMs });
    state.deployment = dep;
    state.usage = mapped.usage;
    state.servedModel = mapped.model || dep.model;
    state.responseHeaders['x-helix-deployment'] = dep.id;
    return { kind: 'json', status: 200, body: mapped.body as unknown as Record<string, unknown> };
  }
}
