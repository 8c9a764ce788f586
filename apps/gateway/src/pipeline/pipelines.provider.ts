import type { Provider } from '@nestjs/common';
import { BUS, type Bus } from '@helix/bus';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';
import { LOGGER, metrics, type Logger } from '@helix/telemetry';
import type { UpstreamTransport } from '@helix/providers';
import { AuthStep } from '../access/auth.step.js';
import { ChatHandler } from '../chat/chat.handler.js';
import { BudgetStep } from '../dependencies/budget.step.js';
import { busBudgetPort, busCachePort, busPiiPort } from '../dependencies/bus-ports.js';
import { CacheStep } from '../dependencies/cache.step.js';
import { PiiStep } from '../dependencies/pii.step.js';
import { CostStep } from '../cost/cost.step.js';
import { EmbeddingsHandler } from '../embeddings/embeddings.handler.js';
import { EVENT_SINK, type EventSink } from '../events/event-sink.js';
import { EventsStep } from '../events/events.step.js';
import { UPSTREAM_TRANSPORT } from '../gateway-infra.module.js';
import { ModelRoutes } from '../models/model-routes.js';
import { ModelStep } from '../models/model.step.js';
import { RateLimitStep } from '../ratelimit/rate-limit.step.js';
import { Router } from '../routing/router.js';
import { LimitsStep } from '../validation/limits.step.js';
import { Pipeline } from './pipeline.js';
import { CHAT_PIPELINE, EMBEDDINGS_PIPELINE } from './pipeline.tokens.js';
import type { RequestState } from './request-state.js';

const refusedCounter = metrics.counter('helix_events_backpressure_refusals_total', 'Requests refused because the event outbox was full.', []);
const refusedForEvents = () => refusedCounter;

/**
 * The gateway's pipelines (DESIGN §2):
 * chat: events → auth → limits → model → cost → rate limit → (budget ‖ pii) → cache → provider;
 * embeddings: the same without pii and cache. The cost step sits before the cache
 * so that hits are priced too (their savings).
 */
export const pipelineProviders: Provider[] = [
  {
    provide: CHAT_PIPELINE,
    inject: [EVENT_SINK, AuthStep, RateLimitStep, ModelRoutes, BUS, CONFIG_STORE, UPSTREAM_TRANSPORT, LOGGER, Router, CostStep],
    useFactory: (sink: EventSink, auth: AuthStep, rate: RateLimitStep, routes: ModelRoutes, bus: Bus, store: ConfigStore, http: UpstreamTransport, log: Logger, router: Router, cost: CostStep) => {
      const swapTo = (state: RequestState, model: string) => {
        const route = routes.current().get(model);
        if (!route) return;
        state.swappedFrom = state.model;
        state.model = model;
        state.route = route;
        state.responseHeaders['x-helix-model-swapped'] = `${state.swappedFrom}->${model}`;
      };
      return new Pipeline(
        [
          [new EventsStep(sink, () => refusedForEvents().inc())],
          [auth],
          [new LimitsStep(() => store.current.limits)],
          [new ModelStep(routes.current, 'chat')],
          [cost],
          [rate],
          [new BudgetStep(busBudgetPort(bus), () => store.current.pipeline.budget, swapTo), new PiiStep(busPiiPort(bus), () => store.current.pipeline.pii)],
          [new CacheStep(busCachePort(bus), () => store.current.pipeline.cache)],
        ],
        new ChatHandler(router, routes.current, http),
        (step, err) => log.error({ err, step: step.name }, 'pipeline after-hook failed'),
      );
    },
  },
  {
    provide: EMBEDDINGS_PIPELINE,
    inject: [EVENT_SINK, AuthStep, RateLimitStep, ModelRoutes, BUS, CONFIG_STORE, UPSTREAM_TRANSPORT, LOGGER, CostStep],
    useFactory: (sink: EventSink, auth: AuthStep, rate: RateLimitStep, routes: ModelRoutes, bus: Bus, store: ConfigStore, http: UpstreamTransport, log: Logger, cost: CostStep) =>
      new Pipeline(
        [
          [new EventsStep(sink, () => refusedForEvents().inc())],
          [auth],
          [new ModelStep(routes.current, 'embeddings')],
          [cost],
          [rate],
          [new BudgetStep(busBudgetPort(bus), () => store.current.pipeline.budget, () => {})],
        ],
        new EmbeddingsHandler(http),
        (step, err) => log.error({ err, step: step.name }, 'pipeline after-hook failed'),
      ),
  },
];
