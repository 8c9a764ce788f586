#!/usr/bin/env node
// Writes the Grafana dashboards of docker/grafana/dashboards/*.json from the
// definitions below: `node docker/grafana/build-dashboards.mjs`. The JSON files are
// committed (compose and the Helm chart load them as they are); a deploy test
// fails when they differ from what this script makes.
// Every panel queries through the dashboard's datasource variables, so the same
// JSON works with any Prometheus, Tempo and Loki a Grafana has.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROM = { type: 'prometheus', uid: '${datasource}' };
const RATE = '$__rate_interval';
/** Compose names jobs after the apps; a ServiceMonitor after the Services (<release>-helix-gateway, ...). */
const JOBS = '.*(gateway|pii-service|cache-service|cost-service|analytics-service|standalone)';

const q = (expr, legendFormat = '__auto') => ({ expr, legendFormat });
const quantiles = (metric, by = '', filter = '') =>
  [0.5, 0.9, 0.99].map((p) => q(`histogram_quantile(${p}, sum by (le${by ? `, ${by}` : ''}) (rate(${metric}_bucket${filter}[${RATE}])))`, `p${p * 100}${by ? ` {{${by}}}` : ''}`));

/** A panel: kind timeseries | stat | gauge | table | traces | logs; w/h in grid units. */
function panel(title, targets, { kind = 'timeseries', unit = 'short', w = 12, h = 8, description, datasource = PROM, max } = {}) {
  return { title, kind, targets, unit, w, h, description, datasource, max };
}
const row = (title) => ({ row: title });

const dashboards = {
  'helix-overview': {
    title: 'Helix / Overview and SLO',
    description: 'Gateway traffic, errors and latency against the SLO (99.5% non-5xx, p99 under 30 s), tokens, routing and recent traces and logs.',
    panels: [
      row('SLO'),
      panel('Availability (non-5xx share, dashboard range)', [q(`1 - (sum(increase(helix_requests_total{status=~"5.."}[$__range])) / sum(increase(helix_requests_total[$__range])))`, 'availability')], { kind: 'stat', unit: 'percentunit', w: 6, h: 5 }),
      panel('Error ratio (5xx, 5 m)', [q(`sum(rate(helix_requests_total{status=~"5.."}[5m])) / sum(rate(helix_requests_total[5m]))`, '5xx share')], { kind: 'stat', unit: 'percentunit', w: 6, h: 5, description: 'HelixHighErrorRate fires above 5% for 5 minutes.' }),
      panel('p99 request duration (uncached, 5 m)', [q(`histogram_quantile(0.99, sum by (le) (rate(helix_request_duration_seconds_bucket{cache_status!~"hit_.*"}[5m])))`, 'p99')], { kind: 'stat', unit: 's', w: 6, h: 5, description: 'HelixHighLatencyP99 fires above 30 s for 10 minutes.' }),
      panel('Requests per second', [q(`sum(rate(helix_requests_total[${RATE}]))`, 'req/s')], { kind: 'stat', unit: 'reqps', w: 6, h: 5 }),
      row('Traffic'),
      panel('Requests by status', [q(`sum by (status) (rate(helix_requests_total[${RATE}]))`, '{{status}}')], { unit: 'reqps' }),
      panel('Requests by outcome', [q(`sum by (outcome) (rate(helix_requests_total[${RATE}]))`, '{{outcome}}')], { unit: 'reqps' }),
      panel('Requests by model', [q(`sum by (model) (rate(helix_requests_total[${RATE}]))`, '{{model}}')], { unit: 'reqps' }),
      panel('Requests by endpoint', [q(`sum by (endpoint) (rate(helix_requests_total[${RATE}]))`, '{{endpoint}}')], { unit: 'reqps' }),
      row('Latency'),
      panel('Request duration', quantiles('helix_request_duration_seconds'), { unit: 's' }),
      panel('Time to first byte', quantiles('helix_request_ttfb_seconds'), { unit: 's' }),
      panel('p99 duration by model', [q(`histogram_quantile(0.99, sum by (le, model) (rate(helix_request_duration_seconds_bucket[${RATE}])))`, '{{model}}')], { unit: 's' }),
      panel('p99 duration by cache status', [q(`histogram_quantile(0.99, sum by (le, cache_status) (rate(helix_request_duration_seconds_bucket[${RATE}])))`, '{{cache_status}}')], { unit: 's' }),
      row('Tokens, limits and routing'),
      panel('Tokens by kind', [q(`sum by (kind) (rate(helix_tokens_total[${RATE}]))`, '{{kind}}')], { unit: 'short', description: 'Tokens per second sent to and received from providers (cache hits excluded).' }),
      panel('Refusals: rate limits and auth', [q(`sum by (scope) (rate(helix_rate_limited_total[${RATE}]))`, 'rate limited {{scope}}'), q(`sum by (reason) (rate(helix_auth_failures_total[${RATE}]))`, 'auth {{reason}}')], { unit: 'reqps' }),
      panel('Provider attempts by outcome', [q(`sum by (outcome) (rate(helix_routing_attempts_total[${RATE}]))`, '{{outcome}}')], { unit: 'reqps' }),
      panel('Retries and fallbacks', [q(`sum by (deployment) (rate(helix_routing_retries_total[${RATE}]))`, 'retry {{deployment}}'), q(`sum by (from, to) (rate(helix_routing_fallbacks_total[${RATE}]))`, 'fallback {{from}} → {{to}}')], { unit: 'reqps' }),
      panel('Circuit breakers', [q(`max by (deployment) (helix_routing_circuit_state)`, '{{deployment}}')], { unit: 'short', description: '0 closed, 1 half-open, 2 open.' }),
      panel('Bus steps failing (by step and policy)', [q(`sum by (step, policy) (rate(helix_pipeline_dependency_failures_total[${RATE}]))`, '{{step}} {{policy}}')], { unit: 'reqps', description: 'fail_closed = requests refused with 503; HelixPiiFailingClosed and HelixBudgetServiceFailingClosed fire on it.' }),
      row('Traces and logs'),
      panel('Recent gateway traces', [{ queryType: 'traceqlSearch', query: '{resource.service.name="helix-gateway"}', limit: 20 }], { kind: 'table', w: 24, h: 9, datasource: { type: 'tempo', uid: '${tempo}' } }),
      panel('Error logs', [{ expr: '{service=~".+"} | json | level=~"error|fatal"' }], { kind: 'logs', w: 24, h: 9, datasource: { type: 'loki', uid: '${loki}' } }),
    ],
  },
  'helix-cache': {
    title: 'Helix / Cache',
    description: 'Exact and semantic cache: hit ratio, lookups, bypasses, similarity, verifier, stores, evictions and size.',
    panels: [
      panel('Hit ratio', [q(`sum(rate(helix_cache_lookups_total{result=~"hit_.*"}[${RATE}])) / sum(rate(helix_cache_lookups_total[${RATE}]))`, 'hit ratio')], { kind: 'stat', unit: 'percentunit', w: 6, h: 5 }),
      panel('Entries', [q('sum(max by (job) (helix_cache_entries))', 'entries')], { kind: 'stat', w: 6, h: 5 }),
      panel('Memory held', [q('sum(max by (job) (helix_cache_memory_bytes))', 'bytes')], { kind: 'stat', unit: 'bytes', w: 6, h: 5 }),
      panel('Vectors in the index', [q('sum(max by (job) (helix_cache_index_vectors))', 'vectors')], { kind: 'stat', w: 6, h: 5 }),
      panel('Lookups by result', [q(`sum by (result) (rate(helix_cache_lookups_total[${RATE}]))`, '{{result}}')], { unit: 'reqps' }),
      panel('Gateway requests by cache status', [q(`sum by (cache_status) (rate(helix_requests_total[${RATE}]))`, '{{cache_status}}')], { unit: 'reqps' }),
      panel('Bypasses by reason', [q(`sum by (reason) (rate(helix_cache_bypass_total[${RATE}]))`, '{{reason}}')], { unit: 'reqps', description: 'Requests that skipped the cache (headers, errors, timeouts: the cache fails open).' }),
      panel('Lookup duration', quantiles('helix_cache_lookup_duration_seconds'), { unit: 's' }),
      panel('Best semantic similarity (median and p10)', [q(`histogram_quantile(0.5, sum by (le) (rate(helix_cache_similarity_bucket[${RATE}])))`, 'p50'), q(`histogram_quantile(0.1, sum by (le) (rate(helix_cache_similarity_bucket[${RATE}])))`, 'p10')], { unit: 'percentunit' }),
      panel('Verifier rejections by reason', [q(`sum by (reason) (rate(helix_cache_verifier_rejections_total[${RATE}]))`, '{{reason}}')], { unit: 'short' }),
      panel('Stores by result', [q(`sum by (result) (rate(helix_cache_stores_total[${RATE}]))`, '{{result}}')], { unit: 'short' }),
      panel('Evictions by reason', [q(`sum by (reason) (rate(helix_cache_evictions_total[${RATE}]))`, '{{reason}}')], { unit: 'short' }),
    ],
  },
  'helix-cost': {
    title: 'Helix / Cost and budgets',
    description: 'Spend, tokens, reservations, budget utilisation and alert deliveries.',
    panels: [
      panel('Spend (dashboard range)', [q('sum(increase(helix_cost_spend_usd_total[$__range]))', 'USD')], { kind: 'stat', unit: 'currencyUSD', w: 8, h: 5 }),
      panel('Spend rate (USD per hour)', [q(`sum(rate(helix_cost_spend_usd_total[${RATE}])) * 3600`, 'USD/h')], { kind: 'stat', unit: 'currencyUSD', w: 8, h: 5 }),
      panel('Highest budget utilisation', [q('max(helix_budget_utilisation_ratio)', 'max')], { kind: 'gauge', unit: 'percentunit', w: 8, h: 5, max: 1, description: 'HelixBudgetExhausted fires at 100%.' }),
      panel('Spend rate', [q(`sum(rate(helix_cost_spend_usd_total[${RATE}])) * 3600`, 'USD/h')], { unit: 'currencyUSD' }),
      panel('Budget utilisation by level and period', [q('max by (level, period) (helix_budget_utilisation_ratio)', '{{period}} {{level}}')], { unit: 'percentunit' }),
      panel('Budgets at 100% by level', [q('max by (level, period) (helix_budgets_exhausted)', '{{period}} {{level}}')], { unit: 'short', description: 'Budgets at or over their amount in the current period, as seen by a cost-service replica.' }),
      panel('Cost by model (gateway pricing)', [q(`sum by (model) (rate(helix_cost_usd_total[${RATE}])) * 3600`, '{{model}}')], { unit: 'currencyUSD', description: 'USD per hour as the gateway priced answers (cache hits cost 0); the ledger (spend rate) is the billing truth.' }),
      panel('Tokens by model and kind', [q(`sum by (model, kind) (rate(helix_tokens_total[${RATE}]))`, '{{model}} {{kind}}')], { unit: 'short' }),
      panel('Unpriced requests by model', [q(`sum by (model) (rate(helix_cost_unpriced_requests_total[${RATE}]))`, '{{model}}')], { unit: 'reqps', description: 'Requests for a model without a price: recorded as unpriced, never as $0. Add a price override.' }),
      panel('Reservations by verdict', [q(`sum by (verdict) (rate(helix_cost_reservations_total[${RATE}]))`, '{{verdict}}'), q(`sum(rate(helix_cost_reservations_expired_total[${RATE}]))`, 'expired (never settled)')], { unit: 'reqps' }),
      panel('Reserve duration', quantiles('helix_cost_reserve_duration_seconds'), { unit: 's' }),
      panel('Ledger events by result', [q(`sum by (result) (rate(helix_cost_ledger_events_total[${RATE}]))`, '{{result}}')], { unit: 'short' }),
      panel('Alert deliveries', [q(`sum by (channel, result) (rate(helix_cost_alert_deliveries_total[${RATE}]))`, '{{channel}} {{result}}')], { unit: 'short' }),
    ],
  },
  'helix-pii': {
    title: 'Helix / PII',
    description: 'Detections by entity and action, blocked requests, scan time and the fail-closed refusals of the gateway.',
    panels: [
      panel('Detections (dashboard range)', [q('sum(increase(helix_pii_detections_total[$__range]))', 'entities')], { kind: 'stat', w: 8, h: 5 }),
      panel('Blocked requests (dashboard range)', [q('sum(increase(helix_pii_blocked_total[$__range]))', 'blocked')], { kind: 'stat', w: 8, h: 5 }),
      panel('Refused: PII service failing (5 m)', [q('sum(increase(helix_pipeline_dependency_failures_total{step="pii", policy="fail_closed"}[5m]))', 'refused')], { kind: 'stat', w: 8, h: 5, description: 'HelixPiiFailingClosed fires while this is above 0.' }),
      panel('Detections by entity', [q(`sum by (entity) (rate(helix_pii_detections_total[${RATE}]))`, '{{entity}}')], { unit: 'short' }),
      panel('Detections by action and direction', [q(`sum by (action, direction) (rate(helix_pii_detections_total[${RATE}]))`, '{{action}} {{direction}}')], { unit: 'short' }),
      panel('Blocked by direction', [q(`sum by (direction) (rate(helix_pii_blocked_total[${RATE}]))`, '{{direction}}')], { unit: 'reqps' }),
      panel('Scan duration', quantiles('helix_pii_scan_duration_seconds'), { unit: 's' }),
      panel('PII step failures by policy', [q(`sum by (policy) (rate(helix_pipeline_dependency_failures_total{step="pii"}[${RATE}]))`, '{{policy}}')], { unit: 'reqps', w: 24 }),
    ],
  },
  'helix-bus': {
    title: 'Helix / Bus and events',
    description: 'NATS request/reply latency and errors, handlers, JetStream publishes, consumer lag and the gateway outbox.',
    panels: [
      panel('Outbox pending events', [q('sum(helix_outbox_pending_events)', 'pending')], { kind: 'stat', w: 6, h: 5, description: 'HelixOutboxBacklog fires above 1000 for 10 minutes.' }),
      panel('Outbox full', [q('max(helix_outbox_full)', 'full')], { kind: 'stat', w: 6, h: 5, description: '1 = the gateway refuses requests (HelixOutboxFull).' }),
      panel('Highest consumer lag', [q('max(helix_bus_consumer_pending_messages)', 'pending')], { kind: 'stat', w: 6, h: 5, description: 'HelixConsumerLag fires above 1000 for 10 minutes.' }),
      panel('Bus errors (5 m)', [q('sum(increase(helix_bus_errors_total[5m]))', 'errors')], { kind: 'stat', w: 6, h: 5 }),
      panel('Request/reply p99 by subject (caller)', [q(`histogram_quantile(0.99, sum by (le, subject) (rate(helix_bus_request_duration_seconds_bucket[${RATE}])))`, '{{subject}}')], { unit: 's' }),
      panel('Handler p99 by subject', [q(`histogram_quantile(0.99, sum by (le, subject) (rate(helix_bus_handler_duration_seconds_bucket[${RATE}])))`, '{{subject}}')], { unit: 's' }),
      panel('Requests by subject and outcome', [q(`sum by (subject, outcome) (rate(helix_bus_request_duration_seconds_count[${RATE}]))`, '{{subject}} {{outcome}}')], { unit: 'reqps' }),
      panel('Errors by kind and outcome', [q(`sum by (kind, subject, outcome) (rate(helix_bus_errors_total[${RATE}]))`, '{{kind}} {{subject}} {{outcome}}')], { unit: 'short' }),
      panel('Publish to stream ack p99', [q(`histogram_quantile(0.99, sum by (le, subject) (rate(helix_bus_publish_duration_seconds_bucket[${RATE}])))`, '{{subject}}')], { unit: 's' }),
      panel('Consumer messages by durable and outcome', [q(`sum by (durable, outcome) (rate(helix_bus_consumer_messages_total[${RATE}]))`, '{{durable}} {{outcome}}')], { unit: 'short' }),
      panel('Consumer lag by durable', [q('max by (durable) (helix_bus_consumer_pending_messages)', '{{durable}}')], { unit: 'short' }),
      panel('Outbox', [q('sum(helix_outbox_pending_events)', 'pending events'), q('max(helix_outbox_replaying)', 'replaying'), q('max(helix_outbox_full)', 'full')], { unit: 'short' }),
      panel('Outbox bytes on disk', [q('sum by (instance) (helix_outbox_bytes)', '{{instance}}')], { unit: 'bytes', w: 24 }),
    ],
  },
  'helix-services': {
    title: 'Helix / Services',
    description: 'Per-process health: up, CPU, memory, event loop, heap and analytics ingestion.',
    panels: [
      panel('Up', [q(`up{job=~"${JOBS}"}`, '{{job}} {{instance}}')], { kind: 'stat', w: 24, h: 4, description: 'HelixServiceDown fires when a service is 0 for 2 minutes.' }),
      panel('CPU', [q(`sum by (job, instance) (rate(process_cpu_seconds_total{job=~"${JOBS}"}[${RATE}]))`, '{{job}} {{instance}}')], { unit: 'percentunit' }),
      panel('Resident memory', [q(`process_resident_memory_bytes{job=~"${JOBS}"}`, '{{job}} {{instance}}')], { unit: 'bytes' }),
      panel('Event loop lag p99', [q(`nodejs_eventloop_lag_p99_seconds{job=~"${JOBS}"}`, '{{job}} {{instance}}')], { unit: 's' }),
      panel('Heap used', [q(`sum by (job, instance) (nodejs_heap_size_used_bytes{job=~"${JOBS}"})`, '{{job}} {{instance}}')], { unit: 'bytes' }),
      panel('Open file descriptors', [q(`process_open_fds{job=~"${JOBS}"}`, '{{job}} {{instance}}')], { unit: 'short' }),
      panel('GC time', [q(`sum by (job, instance) (rate(nodejs_gc_duration_seconds_sum{job=~"${JOBS}"}[${RATE}]))`, '{{job}} {{instance}}')], { unit: 'percentunit' }),
      panel('Analytics events ingested', [q(`sum by (kind, result) (rate(helix_analytics_events_total[${RATE}]))`, '{{kind}} {{result}}')], { unit: 'short' }),
      panel('Analytics ingest batch duration', quantiles('helix_analytics_ingest_duration_seconds'), { unit: 's' }),
      panel('Identity cache lookups', [q(`sum by (result) (rate(helix_identity_cache_lookups_total[${RATE}]))`, '{{result}}')], { unit: 'short' }),
      panel('Rate limiter errors', [q(`sum(rate(helix_rate_limit_errors_total[${RATE}]))`, 'errors')], { unit: 'short', description: 'Redis errors of the rate limiter (rateLimits.onError decides open or closed).' }),
    ],
  },
};

const variables = [
  { name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus' },
  { name: 'tempo', label: 'Tempo', type: 'datasource', query: 'tempo' },
  { name: 'loki', label: 'Loki', type: 'datasource', query: 'loki' },
].map((v) => ({ ...v, current: {}, hide: 0, refresh: 1, regex: '', skipUrlSync: false, options: [] }));

/** Lays panels out left to right in a 24-wide grid; a row starts a new line. */
function layout(items) {
  const out = [];
  let x = 0;
  let y = 0;
  let lineHeight = 0;
  let id = 1;
  const newline = () => ((y += lineHeight), (x = 0), (lineHeight = 0));
  for (const it of items) {
    if (it.row) {
      newline();
      out.push({ id: id++, type: 'row', title: it.row, collapsed: false, gridPos: { x: 0, y, w: 24, h: 1 }, panels: [] });
      y += 1;
      continue;
    }
    if (x + it.w > 24) newline();
    const defaults = { unit: it.unit, ...(it.max !== undefined && { max: it.max, min: 0 }) };
    out.push({
      id: id++,
      type: it.kind,
      title: it.title,
      ...(it.description && { description: it.description }),
      datasource: it.datasource,
      gridPos: { x, y, w: it.w, h: it.h },
      fieldConfig: { defaults, overrides: [] },
      options: {},
      targets: it.targets.map((t, i) => ({ refId: String.fromCharCode(65 + i), datasource: it.datasource, ...t })),
    });
    x += it.w;
    lineHeight = Math.max(lineHeight, it.h);
  }
  return out;
}

/** The dashboards, as Grafana JSON, by file name. */
export function buildDashboards() {
  return Object.fromEntries(
    Object.entries(dashboards).map(([uid, d]) => [
      `${uid}.json`,
      {
        uid,
        title: d.title,
        description: d.description,
        tags: ['helix'],
        editable: true,
        graphTooltip: 1,
        schemaVersion: 41,
        version: 1,
        refresh: '30s',
        time: { from: 'now-3h', to: 'now' },
        timezone: 'browser',
        templating: { list: variables },
        annotations: { list: [] },
        links: [{ title: 'Helix dashboards', type: 'dashboards', tags: ['helix'], asDropdown: true }],
        panels: layout(d.panels),
      },
    ]),
  );
}

/** The file text of one dashboard. */
export const dashboardText = (json) => `${JSON.stringify(json, null, 2)}\n`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(import.meta.dirname, 'dashboards');
  for (const [file, json] of Object.entries(buildDashboards())) writeFileSync(join(dir, file), dashboardText(json));
}
