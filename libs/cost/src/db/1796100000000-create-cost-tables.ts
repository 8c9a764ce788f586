import type { MigrationInterface, QueryRunner } from 'typeorm';

const tenant = `
  org_id text NOT NULL,
  team_id text NOT NULL,
  user_id text NOT NULL,
  key_id text NOT NULL`;

/**
 * The cost schema: budgets, the spend ledger (one row per request, pico-USD in
 * bigint), daily rollups per key and model (sums in numeric), hourly team spend
 * for anomaly detection, alerts (one row per deduplicated alert) with their
 * deliveries, and alert channels.
 */
export class CreateCostTables1796100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE cost.budgets (
      id uuid PRIMARY KEY,
      org_id text NOT NULL,
      team_id text,
      level text NOT NULL CHECK (level IN ('org', 'team', 'user', 'key')),
      scope_id text NOT NULL,
      period text NOT NULL CHECK (period IN ('daily', 'weekly', 'monthly', 'total')),
      amount_pico bigint NOT NULL CHECK (amount_pico >= 0),
      thresholds integer[] NOT NULL,
      hard_limit_pico bigint CHECK (hard_limit_pico >= 0),
      strict boolean NOT NULL DEFAULT false,
      model_caps jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX budgets_org_idx ON cost.budgets (org_id)');
    await q.query(`CREATE TABLE cost.ledger (
      request_id uuid PRIMARY KEY,
      started_at timestamptz NOT NULL,
      day date NOT NULL,${tenant},
      endpoint text NOT NULL,
      requested_model text NOT NULL,
      served_model text NOT NULL,
      provider text NOT NULL,
      outcome smallint NOT NULL,
      cache_status smallint NOT NULL,
      input_tokens integer NOT NULL,
      output_tokens integer NOT NULL,
      cache_read_tokens integer NOT NULL,
      cache_write_tokens integer NOT NULL,
      reasoning_tokens integer NOT NULL,
      cost_pico bigint NOT NULL,
      cache_saved_pico bigint NOT NULL,
      swap_saved_pico bigint NOT NULL,
      prompt_cache_saved_pico bigint NOT NULL,
      estimated boolean NOT NULL,
      unpriced boolean NOT NULL,
      price_version text NOT NULL,
      swapped_from_model text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX ledger_org_day_idx ON cost.ledger (org_id, day)');
    await q.query(`CREATE TABLE cost.daily_rollup (
      day date NOT NULL,${tenant},
      model text NOT NULL,
      requests bigint NOT NULL,
      cost_pico numeric NOT NULL,
      cache_saved_pico numeric NOT NULL,
      swap_saved_pico numeric NOT NULL,
      prompt_cache_saved_pico numeric NOT NULL,
      input_tokens bigint NOT NULL,
      output_tokens bigint NOT NULL,
      estimated_requests bigint NOT NULL,
      unpriced_requests bigint NOT NULL,
      PRIMARY KEY (day, org_id, team_id, user_id, key_id, model)
    )`);
    await q.query(`CREATE TABLE cost.hourly_team (
      hour timestamptz NOT NULL,
      org_id text NOT NULL,
      team_id text NOT NULL,
      cost_pico numeric NOT NULL,
      PRIMARY KEY (org_id, team_id, hour)
    )`);
    await q.query(`CREATE TABLE cost.alerts (
      alert_id text PRIMARY KEY,
      kind smallint NOT NULL,
      org_id text NOT NULL,
      team_id text NOT NULL,
      payload bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published boolean NOT NULL DEFAULT false,
      escalate_at timestamptz,
      escalated boolean NOT NULL DEFAULT false
    )`);
    await q.query('CREATE INDEX alerts_unpublished_idx ON cost.alerts (created_at) WHERE NOT published');
    await q.query('CREATE INDEX alerts_escalation_idx ON cost.alerts (escalate_at) WHERE NOT escalated');
    await q.query(`CREATE TABLE cost.alert_channels (
      id uuid PRIMARY KEY,
      org_id text NOT NULL,
      team_id text,
      kind text NOT NULL CHECK (kind IN ('webhook', 'slack', 'email')),
      target text NOT NULL,
      secret text NOT NULL DEFAULT '',
      escalation boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX alert_channels_org_idx ON cost.alert_channels (org_id)');
    await q.query(`CREATE TABLE cost.alert_deliveries (
      alert_id text NOT NULL,
      channel_id uuid NOT NULL,
      delivered_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (alert_id, channel_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['alert_deliveries', 'alert_channels', 'alerts', 'hourly_team', 'daily_rollup', 'ledger', 'budgets']) await q.query(`DROP TABLE cost.${t}`);
  }
}
