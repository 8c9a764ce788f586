import { LRUCache } from 'lru-cache';
import type { AlertsConfig } from '@helix/config';
import { AlertKind, type BudgetAlert } from '@helix/contracts';
import { localDay } from '../budgets/period.js';
import type { BudgetLine } from '../budgets/budget-lines.js';
import type { LedgerRow } from '../db/pg.ledger-store.js';
import type { ReserveEvents } from '../budgets/reserve.usecase.js';
import type { IngestEvents } from '../ledger/ingest.usecase.js';
import { budgetAlert, unpricedAlert } from './alert-ids.js';
import type { AlertRaiser } from './alert-raiser.js';

/** Counts and logs what alerting does; the app supplies prom-client metrics and the logger. */
export interface AlertObserver {
  unpriced(model: string): void;
  failed(alert: BudgetAlert, err: unknown): void;
  /** A budget line's use after a settlement (spent) or at a refusal (spent + reserved). */
  used?(line: BudgetLine, usedPico: bigint): void;
}

/**
 * Turns what reservations and settlements see into alerts: a soft threshold
 * passed, a hard limit reached (at settlement, or a refusal), a model without a
 * price. Alerts go through the raiser (once across replicas); ids this replica
 * already raised are remembered, so the hot path does not ask the database again.
 */
export class AlertPolicy implements ReserveEvents, IngestEvents {
  private readonly raised = new LRUCache<string, true>({ max: 50_000 });

  constructor(
    private readonly raiser: AlertRaiser,
    private readonly config: () => AlertsConfig & { timeZone: string },
    private readonly observer: AlertObserver,
    private readonly now: () => number = Date.now,
  ) {}

  settled(line: BudgetLine, spentPico: bigint, nowMs: number): void {
    this.observer.used?.(line, spentPico);
    const b = line.budget;
    if (!line.model && b.amountPico > 0n) {
      const thresholds = b.thresholds.length ? b.thresholds : this.config().thresholds;
      for (const t of thresholds) {
        if (spentPico * 100n >= BigInt(t) * b.amountPico) this.raise(budgetAlert(AlertKind.THRESHOLD, line, spentPico, nowMs, t));
      }
    }
    if (line.limitPico !== null && spentPico >= line.limitPico) this.raise(budgetAlert(AlertKind.HARD_LIMIT, line, spentPico, nowMs));
  }

  refused(line: BudgetLine, usedPico: bigint, nowMs: number): void {
    this.observer.used?.(line, usedPico);
    this.raise(budgetAlert(AlertKind.HARD_LIMIT, line, usedPico, nowMs));
  }

  unpriced(row: LedgerRow | string, tenant?: { orgId: string; teamId: string }): void {
    const model = typeof row === 'string' ? row : row.servedModel || row.requestedModel;
    const who = typeof row === 'string' ? tenant! : row;
    this.observer.unpriced(model);
    const now = this.now();
    this.raise(unpricedAlert(who, model, localDay(now, this.config().timeZone), now));
  }

  private raise(alert: BudgetAlert): void {
    if (this.raised.has(alert.alertId)) return;
    this.raised.set(alert.alertId, true);
    this.raiser.raise(alert).catch((err: unknown) => {
      this.raised.delete(alert.alertId);
      this.observer.failed(alert, err);
    });
  }
}
