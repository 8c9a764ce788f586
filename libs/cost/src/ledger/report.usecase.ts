import type { MessageInitShape } from '@bufbuild/protobuf';
import { Errors, type SpendReportReplySchema, type SpendReportRequest } from '@helix/contracts';
import { scopeClause, type SqlRunner } from '../db/sql.js';

type Reply = MessageInitShape<typeof SpendReportReplySchema>;

const GROUPS: Record<string, string> = { day: 'day', org: 'org_id', team: 'team_id', user: 'user_id', key: 'key_id', model: 'model' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ROWS = 10_000;

/**
 * `helix.cost.report.v1`: spend from the daily rollups, grouped by any of day,
 * org, team, user, key and model, within the caller's scope. Savings from the
 * cache, from swaps and from provider prompt caching are separate columns.
 */
export class ReportUseCase {
  constructor(private readonly db: SqlRunner) {}

  async execute(req: SpendReportRequest): Promise<Reply> {
    const groups = req.groupBy.length ? req.groupBy : ['day'];
    const bad = groups.find((g) => !GROUPS[g]);
    if (bad) throw Errors.badRequest(`group_by takes ${Object.keys(GROUPS).join(', ')}; not '${bad}'.`, 'group_by');
    for (const [field, v] of [['from', req.fromDay], ['to', req.toDay]] as const) {
      if (v && !DAY.test(v)) throw Errors.badRequest(`${field} must be a date, YYYY-MM-DD.`, field);
    }
    const params: unknown[] = [];
    let where = `WHERE true${scopeClause({ orgId: req.scope?.orgId || undefined, teamId: req.scope?.teamId || undefined }, params)}`;
    if (req.fromDay) where += ` AND day >= $${params.push(req.fromDay)}`;
    if (req.toDay) where += ` AND day <= $${params.push(req.toDay)}`;
    if (req.teamId) where += ` AND team_id = $${params.push(req.teamId)}`;
    if (req.keyId) where += ` AND key_id = $${params.push(req.keyId)}`;
    if (req.model) where += ` AND model = $${params.push(req.model)}`;
    const cols = groups.map((g) => (g === 'day' ? `to_char(day, 'YYYY-MM-DD') AS day` : GROUPS[g]));
    const by = groups.map((g) => GROUPS[g]).join(', ');
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT ${cols.join(', ')}, sum(requests)::text AS requests, sum(cost_pico)::text AS cost, sum(cache_saved_pico)::text AS cache_saved,
         sum(swap_saved_pico)::text AS swap_saved, sum(prompt_cache_saved_pico)::text AS prompt_cache_saved, sum(input_tokens)::text AS input_tokens,
         sum(output_tokens)::text AS output_tokens, sum(estimated_requests)::text AS estimated, sum(unpriced_requests)::text AS unpriced
       FROM cost.daily_rollup ${where} GROUP BY ${by} ORDER BY ${by} LIMIT ${MAX_ROWS}`,
      params,
    );
    return {
      rows: rows.map((r) => ({
        day: r.day ?? '',
        orgId: r.org_id ?? '',
        teamId: r.team_id ?? '',
        userId: r.user_id ?? '',
        keyId: r.key_id ?? '',
        model: r.model ?? '',
        requests: BigInt(r.requests!),
        costPicoUsd: r.cost!,
        cacheSavedPicoUsd: r.cache_saved!,
        swapSavedPicoUsd: r.swap_saved!,
        promptCacheSavedPicoUsd: r.prompt_cache_saved!,
        inputTokens: BigInt(r.input_tokens!),
        outputTokens: BigInt(r.output_tokens!),
        estimatedRequests: BigInt(r.estimated!),
        unpricedRequests: BigInt(r.unpriced!),
      })),
    };
  }
}
