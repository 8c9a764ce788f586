import { metrics } from '@helix/telemetry';
import type { BreakerState } from './breaker/breaker-record.js';

/** Registered at import, so `/metrics` lists it (at zero) before its first use. */
const registered = <T>(make: () => T) => {
  const v = make();
  return () => v;
};

/** Outcome of one attempt: `success`, `retryable` (429/5xx/timeout), `context` (prompt too long), `final` (other 4xx), `stream_error` (failed after the first byte). */
export type AttemptOutcome = 'success' | 'retryable' | 'context' | 'final' | 'stream_error';

const attempts = registered(() => metrics.counter('helix_routing_attempts_total', 'Upstream attempts by deployment and outcome.', ['deployment', 'outcome']));
const retries = registered(() => metrics.counter('helix_routing_retries_total', 'Retries of a deployment already tried by the request.', ['deployment']));
const budgetRefusals = registered(() => metrics.counter('helix_routing_retry_budget_exhausted_total', 'Retries not made because the retry budget was spent.', ['deployment']));
const fallbacks = registered(() => metrics.counter('helix_routing_fallbacks_total', 'Requests moved to a fallback model.', ['from', 'to', 'reason']));
const circuit = registered(() => metrics.gauge('helix_routing_circuit_state', 'Circuit breaker per deployment: 0 closed, 1 half-open, 2 open.', ['deployment']));
const transitions = registered(() => metrics.counter('helix_routing_circuit_transitions_total', 'Circuit breaker transitions written by this replica.', ['deployment', 'to']));

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** Routing metrics. Labels are configured deployment ids and model names: bounded by config. */
export const routingMetrics = {
  attempt: (deployment: string, outcome: AttemptOutcome) => attempts().inc({ deployment, outcome }),
  retry: (deployment: string) => retries().inc({ deployment }),
  budgetExhausted: (deployment: string) => budgetRefusals().inc({ deployment }),
  fallback: (from: string, to: string, reason: 'error' | 'context') => fallbacks().inc({ from, to, reason }),
  circuitState: (deployment: string, state: BreakerState) => circuit().set({ deployment }, STATE_VALUE[state]),
  transition: (deployment: string, to: string) => transitions().inc({ deployment, to }),
};
