import type { SqlRunner } from './sql.js';
import type { LedgerSpend, LedgerSpendFilter } from '../budgets/seed-counters.js';

/** One request in the spend ledger. Money in pico-USD. */
export interface LedgerRow {
  requestId: string;
  startedAtMs: number;
  /** Local day (`cost.timeZone`) of `startedAtMs`. */
  day: string;
  orgId: string;
  teamId: string;
  userId: string;
  keyId: string;
  endpoint: string;
  requestedModel: string;
  servedModel: string;
  provider: string;
  outcome: number;
  cacheStatus: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  costPico: bigint;
  /** A cache hit: what the answer would have cost. */
  cacheSavedPico: bigint;
  /** A model swap: the requested model's cost minus the served one's. */
  swapSavedPico: bigint;
  /** Provider prompt caching: cached prompt tokens at the input price minus what they cost. */
  promptCacheSavedPico: bigint;
  estimated: boolean;
  unpriced: boolean;
  priceVersion: string;
  swappedFromModel: string;
}

type Column = [name: string, type: string, value: (r: LedgerRow) => unknown];
const COLUMNS: Column[] = [
  ['request_id', 'uuid', (r) => r.requestId],
  ['started_at', 'timestamptz', (r) => new Date(r.startedAtMs).toISOString()],
  ['day', 'date', (r) => r.day],
  ['org_id', 'text', (r) => r.orgId],
  ['team_id', 'text', (r) => r.teamId],
  ['user_id', 'text', (r) => r.userId],
  ['key_id', 'text', (r) => r.keyId],
  ['endpoint', 'text', (r) => r.endpoint],
  ['requested_model', 'text', (r) => r.requestedModel],
  ['served_model', 'text', (r) => r.servedModel],
  ['provider', 'text', (r) => r.provider],
  ['outcome', 'smallint', (r) => r.outcome],
  ['cache_status', 'smallint', (r) => r.cacheStatus],
  ['input_tokens', 'integer', (r) => r.inputTokens],
  ['output_tokens', 'integer', (r) => r.outputTokens],
  ['cache_read_tokens', 'integer', (r) => r.cacheReadTokens],
  ['cache_write_tokens', 'integer', (r) => r.cacheWriteTokens],
  ['reasoning_tokens', 'integer', (r) => r.reasoningTokens],
  ['cost_pico', 'bigint', (r) => r.costPico.toString()],
  ['cache_saved_pico', 'bigint', (r) => r.cacheSavedPico.toString()],
  ['swap_saved_pico', 'bigint', (r) => r.swapSavedPico.toString()],
  ['prompt_cache_saved_pico', 'bigint', (r) => r.promptCacheSavedPico.toString()],
  ['estimated', 'boolean', (r) => r.estimated],
  ['unpriced', 'boolean', (r) => r.unpriced],
  ['price_version', 'text', (r) => r.priceVersion],
  ['swapped_from_model', 'text', (r) => r.swappedFromModel],
];
const NAMES = COLUMNS.map(([n]) => n).join(', ');
const MONEY = ['cost_pico', 'cache_saved_pico', 'swap_saved_pico', 'prompt_cache_saved_pico'];
const DAILY_KEY = 'day, org_id, team_id, user_id, key_id, model';

/**
 * One statement per batch: the new ledger rows (a request id already there is
 * skipped, so redelivery never double-counts), and, from exactly those rows,
 * the daily rollup per key and model and the hourly spend per team. Returns the
 * request ids it inserted.
 */
const INGEST = `
WITH input AS (
  SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS t(${NAMES})
), ins AS (
  INSERT INTO cost.ledger (${NAMES}) SELECT ${NAMES} FROM input ON CONFLICT (request_id) DO NOTHING RETURNING *
), daily AS (
  INSERT INTO cost.daily_rollup (${DAILY_KEY}, requests, ${MONEY.join(', ')}, input_tokens, output_tokens, estimated_requests, unpriced_requests)
  SELECT day, org_id, team_id, user_id, key_id, CASE WHEN served_model <> '' THEN served_model ELSE requested_model END AS model, count(*),
    ${MONEY.map((m) => `sum(${m})`).join(', ')}, sum(input_tokens), sum(output_tokens), count(*) FILTER (WHERE estimated), count(*) FILTER (WHERE unpriced)
  FROM ins GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (${DAILY_KEY}) DO UPDATE SET
    requests = cost.daily_rollup.requests + excluded.requests,
    ${MONEY.map((m) => `${m} = cost.daily_rollup.${m} + excluded.${m}`).join(',\n    ')},
    input_tokens = cost.daily_rollup.input_tokens + excluded.input_tokens,
    output_tokens = cost.daily_rollup.output_tokens + excluded.output_tokens,
    estimated_requests = cost.daily_rollup.estimated_requests + excluded.estimated_requests,
    unpriced_requests = cost.daily_rollup.unpriced_requests + excluded.unpriced_requests
  RETURNING 1
), hourly AS (
  INSERT INTO cost.hourly_team (hour, org_id, team_id, cost_pico)
  SELECT date_trunc('hour', started_at), org_id, team_id, sum(cost_pico) FROM ins GROUP BY 1, 2, 3
  ON CONFLICT (org_id, team_id, hour) DO UPDATE SET cost_pico = cost.hourly_team.cost_pico + excluded.cost_pico
  RETURNING 1
)
SELECT request_id FROM ins`;

/** The spend ledger in `cost.ledger` and its rollups. */
export class PgLedgerStore implements LedgerSpend {
  constructor(private readonly db: SqlRunner) {}

  /** Inserts a batch in one statement; returns the ids that were new. */
  async insert(rows: readonly LedgerRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const params = COLUMNS.map(([, , value]) => rows.map(value));
    const inserted: { request_id: string }[] = await this.db.query(INGEST, params);
    return inserted.map((r) => r.request_id);
  }

  /** Sum of ledger cost over the rows the filter selects (reconciliation, and seeding budget counters). */
  async totalCost(filter: LedgerSpendFilter): Promise<bigint> {
    const params: unknown[] = [filter.orgId];
    let where = 'org_id = $1';
    if (filter.teamId) where += ` AND team_id = $${params.push(filter.teamId)}`;
    if (filter.userId) where += ` AND user_id = $${params.push(filter.userId)}`;
    if (filter.keyId) where += ` AND key_id = $${params.push(filter.keyId)}`;
    if (filter.model) where += ` AND (CASE WHEN served_model <> '' THEN served_model ELSE requested_model END) = $${params.push(filter.model)}`;
    if (filter.fromMs !== undefined) where += ` AND started_at >= $${params.push(new Date(filter.fromMs).toISOString())}`;
    if (filter.toMs !== undefined && Number.isFinite(filter.toMs)) where += ` AND started_at < $${params.push(new Date(filter.toMs).toISOString())}`;
    const [row] = (await this.db.query(`SELECT coalesce(sum(cost_pico), 0)::text AS total FROM cost.ledger WHERE ${where}`, params)) as { total: string }[];
    return BigInt(row!.total);
  }
}
