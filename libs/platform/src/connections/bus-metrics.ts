import type { BusMetrics } from '@helix/bus';
import { metrics } from '@helix/telemetry';

/** How often each durable consumer's lag is read from the server. */
const LAG_POLL_MS = 15_000;
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The bus's metric hooks, on prom-client: latency and errors of every kind of bus call, and consumer lag. */
export function busMetrics(): BusMetrics {
  const request = metrics.histogram('helix_bus_request_duration_seconds', 'Bus request/reply calls, caller side.', ['subject', 'outcome'], BUCKETS);
  const handler = metrics.histogram('helix_bus_handler_duration_seconds', 'Bus message handlers.', ['subject', 'outcome'], BUCKETS);
  const publish = metrics.histogram('helix_bus_publish_duration_seconds', 'Time to the stream ack of an event.', ['subject', 'outcome'], BUCKETS);
  const batch = metrics.counter('helix_bus_consumer_messages_total', 'Messages handled by durable consumers, by result.', ['durable', 'outcome']);
  const pending = metrics.gauge('helix_bus_consumer_pending_messages', 'JetStream consumer lag: stream messages not yet delivered to the durable.', ['durable']);
  const ackPending = metrics.gauge('helix_bus_consumer_ack_pending_messages', 'Messages delivered to the durable and not yet acked.', ['durable']);
  const errors = metrics.counter('helix_bus_errors_total', 'Bus calls that failed, by kind and code.', ['kind', 'subject', 'outcome']);
  const fail = (kind: string, subject: string, outcome: string) => outcome !== 'ok' && errors.inc({ kind, subject, outcome });
  return {
    observeRequest: (subject, outcome, s) => (request.observe({ subject, outcome }, s), fail('request', subject, outcome)),
    observeHandler: (subject, outcome, s) => (handler.observe({ subject, outcome }, s), fail('handler', subject, outcome)),
    observePublish: (subject, outcome, s) => (publish.observe({ subject, outcome }, s), fail('publish', subject, outcome)),
    observeBatch: (durable, outcome, size) => batch.inc({ durable, outcome }, size),
    consumerLag: {
      intervalMs: LAG_POLL_MS,
      observe: (durable, n, acks) => (pending.set({ durable }, n), ackPending.set({ durable }, acks)),
    },
  };
}
