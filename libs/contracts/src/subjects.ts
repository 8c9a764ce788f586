/** Request/reply subjects: `helix.<service>.<verb>.v1`. */
export const RpcSubjects = {
  piiRedact: 'helix.pii.redact.v1',
  piiAnalyze: 'helix.pii.analyze.v1',
  piiAnonymize: 'helix.pii.anonymize.v1',
  cacheLookup: 'helix.cache.lookup.v1',
  cacheStats: 'helix.cache.stats.v1',
  cacheInvalidate: 'helix.cache.invalidate.v1',
  cacheWarm: 'helix.cache.warm.v1',
  cacheHealth: 'helix.cache.health.v1',
  costReserve: 'helix.cost.reserve.v1',
  costSpend: 'helix.cost.spend.v1',
  costReport: 'helix.cost.report.v1',
  costBudgets: 'helix.cost.budgets.v1',
  costChannels: 'helix.cost.channels.v1',
  identityVerify: 'helix.identity.verify.v1',
  /** GDPR/CCPA: one page of a user's records, and their erasure (pseudonymisation). */
  analyticsExport: 'helix.analytics.export.v1',
  analyticsErase: 'helix.analytics.erase.v1',
  costExport: 'helix.cost.export.v1',
  costErase: 'helix.cost.erase.v1',
} as const;

/** Fire-and-forget work sent to one member of a queue group (core NATS, not JetStream). */
export const WorkSubjects = {
  cacheStore: 'helix.cache.store.v1',
} as const;

/** Events: `helix.events.<name>.v1`, captured by the JetStream stream {@link EVENTS_STREAM}. */
export const EventSubjects = {
  requestCompleted: 'helix.events.request.completed.v1',
  piiDetected: 'helix.events.pii.detected.v1',
  budgetAlert: 'helix.events.budget.alert.v1',
  identityChanged: 'helix.events.identity.changed.v1',
} as const;

/** The JetStream stream that captures every `helix.events.>` subject. */
export const EVENTS_STREAM = 'HELIX_EVENTS';
export const EVENTS_FILTER = 'helix.events.>';

/** Bus message headers. W3C trace context travels as-is. */
export const BusHeaders = {
  correlationId: 'x-request-id',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  /** Set on a reply whose body is a BusError rather than the reply message. */
  error: 'helix-error',
} as const;

/** Default bus payload limit; the gateway body limit must stay under it. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
