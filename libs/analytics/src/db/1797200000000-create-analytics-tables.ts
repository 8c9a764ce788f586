import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Histogram buckets at the time of this migration (see ingest/latency.ts). */
const BUCKETS = 24;
const histogram = (prefix: string) => Array.from({ length: BUCKETS }, (_, i) => `${prefix}_${String(i).padStart(2, '0')} bigint NOT NULL DEFAULT 0`);
const COUNTERS = [
  'requests', 'input_tokens', 'output_tokens', 'cost_pico', 'saved_pico', 'hits_exact', 'hits_semantic', 'misses', 'bypass', 'errors',
  'unpriced', 'estimated', 'short_outputs', 'pii_blocked', 'latency_sum_ms', 'ttfb_count',
].map((c) => `${c} bigint NOT NULL DEFAULT 0`);

const rollup = (name: string, perKey: boolean) => `CREATE TABLE analytics.${name} (
  bucket timestamptz NOT NULL,
  org_id text NOT NULL, team_id text NOT NULL,${perKey ? ' user_id text NOT NULL, key_id text NOT NULL,' : ''}
  model text NOT NULL, provider text NOT NULL, outcome smallint NOT NULL, error_type text NOT NULL,
  ${[...COUNTERS, ...(perKey ? [] : [...histogram('lat'), ...histogram('ttfb')])].join(',\n  ')},
  PRIMARY KEY (bucket, org_id, team_id,${perKey ? ' user_id, key_id,' : ''} model, provider, outcome, error_type)
)`;

/**
 * The `analytics` schema: request rows partitioned by day (partitions are made
 * by the service ahead of the events, and dropped by retention), hourly and
 * daily rollups per team (with latency histograms), a daily rollup per key, PII detections, budget alerts and the record of sent reports.
 */
export class CreateAnalyticsTables1797200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE analytics.requests (
      event_id text NOT NULL,
      started_at timestamptz NOT NULL,
      correlation_id text NOT NULL,
      org_id text NOT NULL, team_id text NOT NULL, user_id text NOT NULL, key_id text NOT NULL,
      endpoint text NOT NULL,
      model text NOT NULL, requested_model text NOT NULL, served_model text NOT NULL,
      provider text NOT NULL, deployment text NOT NULL,
      outcome smallint NOT NULL, http_status smallint NOT NULL, error_type text NOT NULL,
      stream boolean NOT NULL,
      input_tokens integer NOT NULL, output_tokens integer NOT NULL, cache_read_tokens integer NOT NULL, reasoning_tokens integer NOT NULL,
      cost_pico bigint NOT NULL, saved_pico bigint NOT NULL, estimated boolean NOT NULL, unpriced boolean NOT NULL,
      cache_status smallint NOT NULL, cache_similarity real NOT NULL,
      pii_count integer NOT NULL, pii_blocked boolean NOT NULL,
      swapped_from_model text NOT NULL,
      duration_ms integer NOT NULL, ttfb_ms integer NOT NULL, attempts smallint NOT NULL,
      PRIMARY KEY (started_at, event_id)
    ) PARTITION BY RANGE (started_at)`);
    await q.query('CREATE INDEX requests_tenant_idx ON analytics.requests (org_id, team_id, started_at)');
    await q.query('CREATE INDEX requests_user_idx ON analytics.requests (user_id)');
    await q.query(rollup('rollup_hour', false));
    await q.query(rollup('rollup_day', false));
    await q.query(rollup('rollup_day_key', true));
    await q.query('CREATE INDEX rollup_day_key_user_idx ON analytics.rollup_day_key (user_id)');
    await q.query(`CREATE TABLE analytics.pii_detections (
      event_id text NOT NULL, at timestamptz NOT NULL, request_id text NOT NULL,
      org_id text NOT NULL, team_id text NOT NULL, user_id text NOT NULL, key_id text NOT NULL,
      direction smallint NOT NULL, entity_type text NOT NULL, operator text NOT NULL, count integer NOT NULL, blocked boolean NOT NULL,
      PRIMARY KEY (event_id, entity_type, operator)
    )`);
    await q.query('CREATE INDEX pii_detections_at_idx ON analytics.pii_detections (at)');
    await q.query('CREATE INDEX pii_detections_user_idx ON analytics.pii_detections (user_id)');
    await q.query(`CREATE TABLE analytics.budget_alerts (
      alert_id text PRIMARY KEY, at timestamptz NOT NULL, kind smallint NOT NULL,
      org_id text NOT NULL, team_id text NOT NULL, user_id text NOT NULL, key_id text NOT NULL,
      level text NOT NULL, scope_id text NOT NULL, period text NOT NULL, period_start text NOT NULL,
      threshold_percent integer NOT NULL, spend_pico bigint NOT NULL, limit_pico bigint NOT NULL, model text NOT NULL, score double precision NOT NULL
    )`);
    await q.query('CREATE INDEX budget_alerts_at_idx ON analytics.budget_alerts (at)');
    await q.query(`CREATE TABLE analytics.report_runs (
      report text NOT NULL, period_start timestamptz NOT NULL, claimed_at timestamptz NOT NULL, sent_at timestamptz,
      PRIMARY KEY (report, period_start)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['report_runs', 'budget_alerts', 'pii_detections', 'rollup_day_key', 'rollup_day', 'rollup_hour', 'requests']) await q.query(`DROP TABLE analytics.${t}`);
  }
}
