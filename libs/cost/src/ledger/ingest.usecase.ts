import type { CostConfig } from '@helix/config';
import type { RequestCompleted } from '@helix/contracts';
import type { BudgetCounters } from '../budgets/budget-counters.js';
import type { BudgetDirectory } from '../budgets/budget-directory.js';
import { budgetLines, counterSpecs, settledTtlMs, type BudgetLine } from '../budgets/budget-lines.js';
import type { LedgerRow } from '../db/pg.ledger-store.js';
import type { PriceBook } from '../prices/price-book.js';
import { ledgerRowOf } from './ledger-row.js';

/** What settling reports: spend of each counter it touched (for threshold and hard-limit alerts), unpriced models. */
export interface IngestEvents {
  settled(line: BudgetLine, spentPico: bigint, nowMs: number): void;
  unpriced(row: LedgerRow): void;
}

export interface IngestDeps {
  ledger: { insert(rows: readonly LedgerRow[]): Promise<string[]> };
  counters: BudgetCounters;
  directory: BudgetDirectory;
  prices: () => PriceBook;
  config: () => CostConfig;
  events: IngestEvents;
  now?: () => number;
}

/**
 * Consumes a batch of completed events (at least once, in any order): settles
 * each reservation to the real cost in the budget counters (once per id), then
 * writes the ledger rows and rollups in one statement (once per request id).
 * Counters first: a crash between the two is redelivered, the settlement is then
 * a no-op and the ledger row is written, so ledger and counters agree.
 */
export class IngestUseCase {
  constructor(private readonly deps: IngestDeps) {}

  /** Returns how many events were new, and their cost (pico-USD). */
  async execute(events: readonly RequestCompleted[]): Promise<{ inserted: number; costPico: bigint }> {
    const cfg = this.deps.config();
    const book = this.deps.prices();
    const rows = events.map((e) => ledgerRowOf(e, book, cfg.timeZone));
    await Promise.all(events.map((e, i) => this.settle(e, rows[i]!, cfg)));
    const inserted = await this.deps.ledger.insert(rows);
    const fresh = new Set(inserted);
    let costPico = 0n;
    for (const row of rows) {
      if (!fresh.has(row.requestId)) continue;
      costPico += row.costPico;
      if (row.unpriced) this.deps.events.unpriced(row);
    }
    return { inserted: inserted.length, costPico };
  }

  private async settle(e: RequestCompleted, row: LedgerRow, cfg: CostConfig): Promise<void> {
    const reservationId = e.budget?.reservationId ?? '';
    if (!row.orgId || (!reservationId && row.costPico === 0n)) return;
    const tenant = { orgId: row.orgId, teamId: row.teamId, userId: row.userId, keyId: row.keyId };
    const lines = budgetLines(await this.deps.directory.forOrg(row.orgId), tenant, e.requestedModel, row.startedAtMs, cfg.timeZone);
    const result = await this.deps.counters.settle({
      orgId: row.orgId,
      reservationId: reservationId || e.eventId,
      cost: row.costPico,
      fallback: counterSpecs(lines),
      doneTtlMs: settledTtlMs(cfg),
    });
    const now = (this.deps.now ?? Date.now)();
    const byId = new Map(lines.map((l) => [l.counterId, l]));
    result.counterIds.forEach((id, i) => {
      const line = byId.get(id);
      if (line) this.deps.events.settled(line, result.spent[i]!, now);
    });
  }
}
