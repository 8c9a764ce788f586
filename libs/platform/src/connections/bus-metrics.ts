import type { BusMetrics } from '@helix/bus';
import { metrics } from '@helix/telemetry';

const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** The bus's metric hooks, on prom-client: latency and errors of every kind of bus call. */
export function busMetrics(): BusMetrics {
  const request = metrics.histogram('helix_bus_request_duration_seconds', 'Bus request/reply calls, caller side.', ['subject', 'outcome'], BUCKETS);
  const handler = metrics.histogram('helix_bus_handler_duration_seconds', 'Bus message handlers.', ['subject', 'outcome'], BUCKETS);
  const publish = metrics.histogram('helix_bus_publish_duration_seconds', 'Time to the stream ack of an event.', ['subject', 'outcome'], BUCKETS);
  const batch = metrics.counter('helix_bus_consumer_messages_total', 'Messages handled by durable consumers, by result.', ['durable', 'outcome']);
  const errors = metrics.counter('helix_bus_errors_total', 'Bus calls that failed, by kind and code.', ['kind', 'subject', 'outcome']);
  const fail = (kind: string, subject: string, outcome: string) => outcome !== 'ok' && errors.inc({ kind, subject, outcome });
  return {
    observeRequest: (subject, outcome, s) => (request.observe({ subject, outcome }, s), fail('request', subject, outcome)),
    observeHandler: (subject, outcome, s) => (handler.observe({ subject, outcome }, s), fail('handler', subject, outcome)),
    observePublish: (subject, outcome, s) => (publish.observe({ subject, outcome }, s), fail('publish', subject, outcome)),
    observeBatch: (durable, outcome, size) => batch.inc({ durable, outcome }, size),
  };
}
