import { Errors } from '@helix/contracts';

export const INTERVALS = ['minute', 'hour', 'day', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** What a query can be filtered and grouped by: its parameter, column and output name. */
export const DIMENSIONS = {
  org: { param: 'org_id', column: 'org_id' },
  team: { param: 'team_id', column: 'team_id' },
  user: { param: 'user_id', column: 'user_id' },
  key: { param: 'key_id', column: 'key_id' },
  model: { param: 'model', column: 'model' },
  provider: { param: 'provider', column: 'provider' },
  status: { param: 'status', column: 'outcome' },
  error_type: { param: 'error_type', column: 'error_type' },
  entity: { param: 'entity', column: 'entity_type' },
  action: { param: 'action', column: 'operator' },
} as const;
export type Dimension = keyof typeof DIMENSIONS;

/** `status` values: the request outcomes of `RequestCompleted`. */
export const STATUSES = ['unspecified', 'success', 'upstream_error', 'refused', 'client_error', 'client_aborted'] as const;

/** A validated analytics query: a half-open time range `[from, to)`, filters, grouping and an optional interval. */
export interface AnalyticsQuery {
  fromMs: number;
  toMs: number;
  interval?: Interval;
  groupBy: Dimension[];
  /** Values by dimension (`status` as its outcome number, as text). */
  filters: Partial<Record<Dimension, string>>;
  limit: number;
}

/** What the caller may see: every org (empty), one org, or one team of it. */
export interface Scope {
  orgId?: string;
  teamId?: string;
}

export interface ParseOptions {
  now: number;
  /** Whether `interval` is taken. */
  interval?: boolean;
  /** Dimensions taken by `group_by` and as filters (default: all but error_type). */
  dimensions?: readonly Dimension[];
  defaultGroupBy?: Dimension[];
  defaultLimit?: number;
  /** Largest `limit` taken (default 10000). */
  maxLimit?: number;
  /** Further parameters the endpoint reads itself. */
  extra?: readonly string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const MAX_RANGE_DAYS = 400;
/** Most time buckets one answer holds. */
export const MAX_BUCKETS = 2_880;
export const BUCKET_MS: Record<Exclude<Interval, 'month'>, number> = { minute: 60_000, hour: HOUR, day: DAY };
const DEFAULT_DIMENSIONS: Dimension[] = ['org', 'team', 'user', 'key', 'model', 'provider', 'status'];
const COMMON = ['from', 'to', 'interval', 'group_by', 'limit', 'format'];

/** Reads one query parameter; a repeated one is refused. */
export function one(raw: Record<string, unknown>, name: string): string | undefined {
  const v = raw[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw Errors.badRequest(`'${name}' must be given once.`, name);
  return v;
}

function time(raw: Record<string, unknown>, name: string): number | undefined {
  const v = one(raw, name);
  if (v === undefined) return undefined;
  const ms = /^\d{1,15}$/.test(v) ? Number(v) : /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms)) throw Errors.badRequest(`'${name}' must be an ISO 8601 date or date-time, or epoch milliseconds; got '${v}'.`, name);
  return ms;
}

function choice<T extends string>(raw: Record<string, unknown>, name: string, allowed: readonly T[]): T | undefined {
  const v = one(raw, name);
  if (v !== undefined && !allowed.includes(v as T)) throw Errors.badRequest(`'${name}' takes ${allowed.join(', ')}; not '${v}'.`, name);
  return v as T | undefined;
}

/** Validates an endpoint's query parameters; every refusal is a 400 that names the parameter. */
export function parseQuery(raw: Record<string, unknown>, opts: ParseOptions): AnalyticsQuery {
  const dims = opts.dimensions ?? DEFAULT_DIMENSIONS;
  const known = new Set([...COMMON, ...dims.map((d) => DIMENSIONS[d].param), ...(opts.extra ?? [])]);
  const unknown = Object.keys(raw).find((k) => !known.has(k) || (k === 'interval' && !opts.interval));
  if (unknown) throw Errors.badRequest(`Unknown parameter '${unknown}'.`, unknown);
  const toMs = time(raw, 'to') ?? opts.now;
  const fromMs = time(raw, 'from') ?? toMs - 7 * DAY;
  if (fromMs >= toMs) throw Errors.badRequest(`'from' must be before 'to'.`, 'from');
  if (toMs - fromMs > MAX_RANGE_DAYS * DAY) throw Errors.badRequest(`The range may span at most ${MAX_RANGE_DAYS} days.`, 'from');
  const interval = opts.interval ? choice(raw, 'interval', INTERVALS) : undefined;
  if (interval && interval !== 'month' && (toMs - fromMs) / BUCKET_MS[interval] > MAX_BUCKETS) {
    throw Errors.badRequest(`At most ${MAX_BUCKETS} buckets per answer: use a coarser interval than '${interval}' or a shorter range.`, 'interval');
  }
  const groupBy = groups(one(raw, 'group_by'), dims) ?? opts.defaultGroupBy ?? [];
  const filters: AnalyticsQuery['filters'] = {};
  for (const d of dims) {
    const v = d === 'status' ? choice(raw, 'status', STATUSES) : one(raw, DIMENSIONS[d].param);
    if (v !== undefined) filters[d] = d === 'status' ? String(STATUSES.indexOf(v as (typeof STATUSES)[number])) : v;
  }
  const limitText = one(raw, 'limit');
  const limit = limitText === undefined ? (opts.defaultLimit ?? 1_000) : Number(limitText);
  const maxLimit = opts.maxLimit ?? 10_000;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) throw Errors.badRequest(`'limit' must be a whole number from 1 to ${maxLimit}.`, 'limit');
  return { fromMs, toMs, interval, groupBy, filters, limit };
}

function groups(v: string | undefined, dims: readonly Dimension[]): Dimension[] | undefined {
  if (v === undefined) return undefined;
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((g) => !dims.includes(g as Dimension));
  if (bad !== undefined) throw Errors.badRequest(`'group_by' takes ${dims.join(', ')}; not '${bad}'.`, 'group_by');
  return [...new Set(list)] as Dimension[];
}

/** Refuses filters outside the caller's scope (403), so a team-admin never reads another team. */
export function checkScope(q: AnalyticsQuery, scope: Scope): void {
  if (scope.orgId && q.filters.org && q.filters.org !== scope.orgId) throw Errors.forbidden(`'org_id' ${q.filters.org} is outside the org of your key.`);
  if (scope.teamId && q.filters.team && q.filters.team !== scope.teamId) throw Errors.forbidden(`'team_id' ${q.filters.team} is outside the team of your key.`);
}
