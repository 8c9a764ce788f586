import { Errors, type HelixError } from '@helix/contracts';
import type { Answer } from '../pipeline/answer.js';
import type { RequestState } from '../pipeline/request-state.js';
import type { ModelCatalog, ResolvedModel } from '../models/model-catalog.js';
import type { Attempt } from './attempt.js';
import { NoTaggedDeployment, serveFromModel, type RoutingDeps } from './deployment-attempts.js';
import { classifyFailure } from './failure.js';
import { readOverrides, ROUTE_TAGS_HEADER } from './route-overrides.js';
import { routingMetrics } from './routing.metrics.js';

/** Set on answers served by a fallback model: `<requested>-><served>`. */
export const FALLBACK_HEADER = 'x-helix-fallback';

/**
 * Routes one request: the requested model's deployments first (see `serveFromModel`), then,
 * when they all failed with retryable errors, the model's `fallbacks` in order; when one says
 * the prompt is too long, its `contextFallbacks` instead. A final error (a 4xx about the
 * request) is the answer. Fallback models are looked up in the live catalog, so a reload
 * applies to the next request while requests in flight keep the routes they resolved.
 */
export class Router {
  constructor(private readonly deps: RoutingDeps) {}

  async route(state: RequestState, catalog: () => ModelCatalog, attempt: Attempt): Promise<Answer> {
    const primary = state.route;
    if (!primary) throw Errors.modelNotFound(state.model);
    const overrides = readOverrides((name) => state.header(name));
    const queues = { error: [...(primary.fallbacks ?? [])], context: [...(primary.contextFallbacks ?? [])] };
    const visited = new Set([primary.name]);
    let current = primary;
    let reason: 'error' | 'context' = 'error';
    let last: unknown;
    for (;;) {
      try {
        return await serveFromModel(current, state, overrides, attempt, this.deps);
      } catch (err) {
        if (!(err instanceof NoTaggedDeployment)) {
          const kind = classifyFailure(err);
          if (kind === 'final' || state.abort.signal.aborted) throw err;
          if (kind === 'context') reason = 'context';
          last = err;
        }
      }
      const next = this.nextModel(queues[reason], visited, catalog, state);
      if (!next) throw last ?? noTaggedDeployment(primary, overrides.tags);
      routingMetrics.fallback(current.configName, next.configName, reason);
      state.responseHeaders[FALLBACK_HEADER] = `${primary.name}->${next.name}`;
      state.model = next.name;
      state.route = next;
      current = next;
    }
  }

  /** The next fallback that exists, serves chat and can take the request (tools, images). */
  private nextModel(queue: string[], visited: Set<string>, catalog: () => ModelCatalog, state: RequestState): ResolvedModel | undefined {
    while (queue.length) {
      const name = queue.shift()!;
      if (visited.has(name)) continue;
      visited.add(name);
      const route = catalog().get(name);
      if (route && route.kind === 'chat' && (route.tools || !state.body.tools?.length) && (route.vision || !hasImages(state))) return route;
    }
    return undefined;
  }
}

const hasImages = (state: RequestState) => state.body.messages.some((m) => Array.isArray(m.content) && m.content.some((p) => p.type !== 'text'));

function noTaggedDeployment(model: ResolvedModel, tags: readonly string[]): HelixError {
  return Errors.badRequest(`No deployment of \`${model.name}\` (or its fallbacks) has the route tags ${tags.join(', ')}.`, ROUTE_TAGS_HEADER, 'no_matching_deployment');
}
