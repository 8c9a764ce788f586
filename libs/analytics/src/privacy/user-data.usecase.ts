import { Errors } from '@helix/contracts';
import { KEY_COUNTERS, KEY_DIMENSIONS } from '../ingest/counters.js';
import { affected, type SqlDatabase, type SqlRunner } from '../db/sql.js';
import type { Scope } from '../query/analytics-query.js';
import { RowsUseCase, type RowCursor } from '../query/rows.usecase.js';

/** Whose data: a user and the ids of their keys, within an admin's scope. */
export interface DataSubject {
  userId: string;
  keyIds: readonly string[];
  scope: Scope;
}

/** One page of a user's records, each tagged with its `type`; `next` is the cursor of the next page (absent at the end). */
export interface UserDataPage {
  records: Record<string, unknown>[];
  next?: string;
}

type Cursor = { t: 'requests'; k?: RowCursor } | { t: 'pii'; k?: string[] } | { t: 'alerts'; k?: string };

const SIDE = {
  pii: { table: 'analytics.pii_detections', key: ['event_id', 'entity_type', 'operator'], at: 'at' },
  alerts: { table: 'analytics.budget_alerts', key: ['alert_id'], at: 'at' },
} as const;

function subjectWhere(s: DataSubject, params: unknown[]): string {
  if (!s.userId) throw Errors.badRequest('A user id is required.', 'user_id');
  let sql = `(user_id = $${params.push(s.userId)} OR key_id = ANY($${params.push(s.keyIds.filter(Boolean))}))`;
  if (s.scope.orgId) sql += ` AND org_id = $${params.push(s.scope.orgId)}`;
  return sql;
}

const COUNTER_LIST = KEY_COUNTERS.map((c) => c.name);
const KEEP = KEY_DIMENSIONS.filter((d) => d !== 'user_id' && d !== 'key_id');

/** Moves a user's rollup rows to the pseudonym, merging their keys' rows, so every sum stays the same. */
const pseudonymiseRollup = (table: string, where: string, pseudonymParam: string) => `
WITH gone AS (DELETE FROM analytics.${table} WHERE ${where} RETURNING *)
INSERT INTO analytics.${table} (bucket, ${KEEP.join(', ')}, user_id, key_id, ${COUNTER_LIST.join(', ')})
SELECT bucket, ${KEEP.join(', ')}, ${pseudonymParam}, ${pseudonymParam}, ${COUNTER_LIST.map((c) => `sum(${c})`).join(', ')}
FROM gone GROUP BY bucket, ${KEEP.join(', ')}
ON CONFLICT (bucket, ${KEY_DIMENSIONS.join(', ')}) DO UPDATE SET
  ${COUNTER_LIST.map((c) => `${c} = analytics.${table}.${c} + excluded.${c}`).join(', ')}`;

/**
 * A user's analytics data (GDPR/CCPA): export it page by page (request rows,
 * PII detections, budget alerts), or erase it by replacing the user's and keys'
 * ids with a pseudonym everywhere, the daily rollup per key included (the others
 * are per team), in one transaction. Amounts
 * and counts are kept, so reports still add up.
 */
export class UserDataUseCase {
  private readonly rows: RowsUseCase;

  constructor(private readonly db: SqlDatabase) {
    this.rows = new RowsUseCase(db);
  }

  async exportPage(s: DataSubject, cursor: string | undefined, pageSize = 1_000): Promise<UserDataPage> {
    const c: Cursor = cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : { t: 'requests' };
    const encode = (next: Cursor) => Buffer.from(JSON.stringify(next)).toString('base64url');
    if (c.t === 'requests') {
      const page = await this.rows.page((params) => subjectWhere(s, params), c.k, pageSize);
      return { records: page.rows.map((r) => ({ type: 'request', ...r })), next: encode(page.next ? { t: 'requests', k: page.next } : { t: 'pii' }) };
    }
    const side = SIDE[c.t];
    const params: unknown[] = [];
    let sql = `SELECT *, to_char(${side.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ${side.at} FROM ${side.table} WHERE ${subjectWhere(s, params)}`;
    const after = c.k === undefined ? undefined : Array.isArray(c.k) ? c.k : [c.k];
    if (after) sql += ` AND (${side.key.join(', ')}) > (${after.map((v) => `$${params.push(v)}`).join(', ')})`;
    const found: Record<string, unknown>[] = await this.db.query(`${sql} ORDER BY ${side.key.join(', ')} LIMIT $${params.push(pageSize)}`, params);
    const records = found.map((r) => ({ type: c.t === 'pii' ? 'pii_detection' : 'budget_alert', ...r }));
    const last = found[found.length - 1];
    if (found.length === pageSize && last) return { records, next: encode({ t: c.t, k: side.key.length > 1 ? side.key.map((k) => String(last[k])) : String(last[side.key[0]!]) } as Cursor) };
    return { records, next: c.t === 'pii' ? encode({ t: 'alerts' }) : undefined };
  }

  /** Replaces the subject's ids with `pseudonym`; returns how many rows changed. Idempotent. */
  async erase(s: DataSubject, pseudonym: string): Promise<number> {
    if (!/^erased-[\w-]{8,}$/.test(pseudonym)) throw Errors.badRequest("The pseudonym must look like 'erased-<id>'.", 'pseudonym');
    return this.db.transaction(async (tx: SqlRunner) => {
      let changed = 0;
      const run = async (sql: (params: unknown[]) => string) => {
        const params: unknown[] = [];
        const text = sql(params);
        changed += affected(await tx.query(text, params));
      };
      await run((p) => `UPDATE analytics.requests SET user_id = $${p.push(pseudonym)}, key_id = $1, correlation_id = '' WHERE ${subjectWhere(s, p)}`);
      await run((p) => `UPDATE analytics.pii_detections SET user_id = $${p.push(pseudonym)}, key_id = $1, request_id = '' WHERE ${subjectWhere(s, p)}`);
      await run((p) => {
        const ps = p.push(pseudonym);
        const user = p.push(s.userId);
        const keys = p.push(s.keyIds.filter(Boolean));
        const mine = `((level = 'user' AND scope_id = $${user}) OR (level = 'key' AND scope_id = ANY($${keys})))`;
        const org = s.scope.orgId ? ` AND org_id = $${p.push(s.scope.orgId)}` : '';
        return `UPDATE analytics.budget_alerts SET scope_id = CASE WHEN ${mine} THEN $${ps} ELSE scope_id END,
          user_id = CASE WHEN user_id = $${user} OR key_id = ANY($${keys}) THEN $${ps} ELSE user_id END,
          key_id = CASE WHEN user_id = $${user} OR key_id = ANY($${keys}) THEN $${ps} ELSE key_id END
          WHERE (user_id = $${user} OR key_id = ANY($${keys}) OR ${mine})${org}`;
      });
      const params: unknown[] = [pseudonym];
      await tx.query(pseudonymiseRollup('rollup_day_key', subjectWhere(s, params), '$1'), params);
      return changed;
    });
  }
}
