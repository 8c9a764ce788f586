import type { MessageInitShape } from '@bufbuild/protobuf';
import { Errors, type UserDataEraseReplySchema, type UserDataEraseRequest, type UserDataExportReplySchema, type UserDataExportRequest } from '@helix/contracts';
import type { SqlRunner } from '../db/sql.js';

type ExportReply = MessageInitShape<typeof UserDataExportReplySchema>;
type EraseReply = MessageInitShape<typeof UserDataEraseReplySchema>;

/** What the cost-service needs for an erasure: queries inside one transaction. */
export interface TransactionalSql extends SqlRunner {
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

const ROLLUP_SUMS = ['requests', 'cost_pico', 'cache_saved_pico', 'swap_saved_pico', 'prompt_cache_saved_pico', 'input_tokens', 'output_tokens', 'estimated_requests', 'unpriced_requests'];

function subject(r: UserDataExportRequest | UserDataEraseRequest, params: unknown[]): string {
  if (!r.userId) throw Errors.badRequest('A user id is required.', 'user_id');
  let sql = `(user_id = $${params.push(r.userId)} OR key_id = ANY($${params.push(r.keyIds.filter(Boolean))}))`;
  if (r.scope?.orgId) sql += ` AND org_id = $${params.push(r.scope.orgId)}`;
  return sql;
}

const changedRows = (result: unknown): number => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0);

/**
 * `helix.cost.export.v1` / `helix.cost.erase.v1` (GDPR/CCPA): a user's ledger
 * rows page by page, or their erasure: the user's and keys' ids in the ledger,
 * the daily rollup (rows of the user's keys merged) and the scope of user and
 * key budgets become the pseudonym, in one transaction. Amounts are kept, so
 * spend still adds up per org, team and day.
 */
export class UserDataUseCase {
  constructor(private readonly db: TransactionalSql) {}

  async exportPage(req: UserDataExportRequest): Promise<ExportReply> {
    const params: unknown[] = [];
    let sql = `SELECT 'ledger_entry' AS type, request_id, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started_at,
      org_id, team_id, user_id, key_id, endpoint, requested_model, served_model, provider, input_tokens, output_tokens,
      cost_pico::text AS cost_pico, cache_saved_pico::text AS cache_saved_pico, price_version FROM cost.ledger WHERE ${subject(req, params)}`;
    if (req.cursor) sql += ` AND request_id > $${params.push(req.cursor)}`;
    const limit = Math.min(req.limit || 500, 1_000);
    const rows: { request_id: string }[] = await this.db.query(`${sql} ORDER BY request_id LIMIT $${params.push(limit)}`, params);
    return { recordsJson: rows.map((r) => JSON.stringify(r)), nextCursor: rows.length === limit ? rows[rows.length - 1]!.request_id : '' };
  }

  async erase(req: UserDataEraseRequest): Promise<EraseReply> {
    if (!/^erased-[\w-]{8,}$/.test(req.pseudonym)) throw Errors.badRequest("The pseudonym must look like 'erased-<id>'.", 'pseudonym');
    return this.db.transaction(async (tx) => {
      let p: unknown[] = [req.pseudonym];
      let records = changedRows(await tx.query(`UPDATE cost.ledger SET user_id = $1, key_id = $1 WHERE ${subject(req, p)}`, p));
      p = [req.pseudonym];
      await tx.query(
        `WITH gone AS (DELETE FROM cost.daily_rollup WHERE ${subject(req, p)} RETURNING *)
         INSERT INTO cost.daily_rollup (day, org_id, team_id, user_id, key_id, model, ${ROLLUP_SUMS.join(', ')})
         SELECT day, org_id, team_id, $1, $1, model, ${ROLLUP_SUMS.map((c) => `sum(${c})`).join(', ')} FROM gone GROUP BY day, org_id, team_id, model
         ON CONFLICT (day, org_id, team_id, user_id, key_id, model) DO UPDATE SET ${ROLLUP_SUMS.map((c) => `${c} = cost.daily_rollup.${c} + excluded.${c}`).join(', ')}`,
        p,
      );
      p = [req.pseudonym, req.userId, req.keyIds.filter(Boolean)];
      const org = req.scope?.orgId ? ` AND org_id = $${p.push(req.scope.orgId)}` : '';
      records += changedRows(await tx.query(`UPDATE cost.budgets SET scope_id = $1 WHERE ((level = 'user' AND scope_id = $2) OR (level = 'key' AND scope_id = ANY($3)))${org}`, p));
      return { records: BigInt(records) };
    });
  }
}
