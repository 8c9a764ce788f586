import { setTimeout as sleep } from 'node:timers/promises';
import type { Outcome } from './load.js';

/** Runs SQL against the suite's Postgres. */
export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** Requests whose bookkeeping is off: no analytics row, more than one, no ledger row, more than one. */
export interface Accounting {
  responses: number;
  analyticsRows: number;
  ledgerRows: number;
  lost: string[];
  doubled: string[];
  unledgered: string[];
  overLedgered: string[];
  /** Rows of the org that no response of the run explains. */
  unexplained: number;
}

export const balanced = (a: Accounting): boolean =>
  a.lost.length + a.doubled.length + a.unledgered.length + a.overLedgered.length === 0 && a.unexplained === 0;

/**
 * Matches the responses of a run (by the request id each sent and got echoed) with the analytics
 * request rows (`correlation_id`) and the cost ledger rows (by the analytics row's event id): each
 * response must have exactly one of each, and the org must have no other rows.
 */
export async function account(query: Query, orgId: string, outcomes: readonly Outcome[]): Promise<Accounting> {
  const ids = outcomes.filter((o) => o.status > 0).map((o) => o.id);
  const rows = await query<{ correlation_id: string; event_id: string }>('SELECT correlation_id, event_id FROM analytics.requests WHERE org_id = $1', [orgId]);
  const ledger = await query<{ request_id: string }>('SELECT request_id::text FROM cost.ledger WHERE org_id = $1', [orgId]);
  const ledgered = new Set(ledger.map((r) => r.request_id));
  const events = new Map<string, string[]>();
  for (const r of rows) events.set(r.correlation_id, [...(events.get(r.correlation_id) ?? []), r.event_id]);
  const wanted = new Set(ids);
  const out: Accounting = { responses: ids.length, analyticsRows: rows.length, ledgerRows: ledger.length, lost: [], doubled: [], unledgered: [], overLedgered: [], unexplained: 0 };
  for (const id of ids) {
    const ev = events.get(id) ?? [];
    if (ev.length === 0) out.lost.push(id);
    if (ev.length > 1) out.doubled.push(id);
    const inLedger = ev.filter((e) => ledgered.has(e)).length;
    if (ev.length > 0 && inLedger === 0) out.unledgered.push(id);
    if (inLedger > 1) out.overLedgered.push(id);
  }
  const eventIds = new Set(rows.map((r) => r.event_id));
  out.unexplained = rows.filter((r) => !wanted.has(r.correlation_id)).length + ledger.filter((r) => !eventIds.has(r.request_id)).length;
  return out;
}

/** Polls `account` until the books balance or `timeoutMs` passes; returns the last result and how long it took. */
export async function settle(query: Query, orgId: string, outcomes: readonly Outcome[], timeoutMs: number): Promise<{ books: Accounting; ms: number }> {
  const started = Date.now();
  for (;;) {
    const books = await account(query, orgId, outcomes).catch(() => undefined);
    if (books && balanced(books)) return { books, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) return { books: books ?? (await account(query, orgId, outcomes)), ms: Date.now() - started };
    await sleep(250);
  }
}

/** What a budget's scope spent in the ledger against its hard limit, pico-USD. */
export async function budgetSpend(query: Query, budgetId: string): Promise<{ spent: bigint; limit: bigint }> {
  const [row] = await query<{ spent: string; limit: string }>(
    `SELECT coalesce((SELECT sum(cost_pico) FROM cost.ledger l WHERE l.org_id = b.org_id AND l.team_id = b.scope_id), 0)::text AS spent,
            b.hard_limit_pico::text AS limit
     FROM cost.budgets b WHERE b.id = $1`,
    [budgetId],
  );
  if (!row) throw new Error(`no budget ${budgetId}`);
  return { spent: BigInt(row.spent), limit: BigInt(row.limit) };
}

export const overspent = (b: { spent: bigint; limit: bigint }): boolean => b.spent > b.limit;
