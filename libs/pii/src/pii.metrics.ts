import { metrics } from '@helix/telemetry';

/** Registered at import, so `/metrics` lists it (at zero) before the first block. */
const blocked = metrics.counter('helix_pii_blocked_total', 'Requests refused by a block policy.', ['direction']);

/** The pii-service's metrics (DESIGN §7): low-cardinality labels only, never values. */
export const piiMetrics = {
  detections: () => metrics.counter('helix_pii_detections_total', 'Detected entities, by type, action (operator) and direction.', ['entity', 'action', 'direction']),
  blocked: () => blocked,
  duration: () =>
    metrics.histogram('helix_pii_scan_duration_seconds', 'Time to analyze and anonymize one request, by operation.', ['operation'], [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25]),
};
