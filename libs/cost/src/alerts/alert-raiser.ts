import { AlertKind, type BudgetAlert } from '@helix/contracts';
import type { PgAlertStore } from './alert-store.js';

/** Publishes an alert on the bus (`helix.events.budget.alert.v1`, msgId = alert id). */
export type PublishAlert = (alert: BudgetAlert) => Promise<void>;

/**
 * Raises each alert once across replicas: the first replica to record its id
 * publishes it. Hard-limit alerts are recorded with the time they escalate.
 */
export class AlertRaiser {
  constructor(
    private readonly store: Pick<PgAlertStore, 'record' | 'markPublished' | 'unpublished'>,
    private readonly publish: PublishAlert,
    private readonly escalateAfterMs: () => number,
  ) {}

  /** True when this call raised it. */
  async raise(alert: BudgetAlert): Promise<boolean> {
    const after = this.escalateAfterMs();
    const escalateAt = alert.kind === AlertKind.HARD_LIMIT && after > 0 ? Number(alert.timestampMs) + after : undefined;
    if (!(await this.store.record(alert, escalateAt))) return false;
    await this.deliver(alert);
    return true;
  }

  /** Publishes what was recorded but never published (its replica failed in between). */
  async republish(olderThanMs: number): Promise<number> {
    const pending = await this.store.unpublished(olderThanMs);
    for (const alert of pending) await this.deliver(alert);
    return pending.length;
  }

  private async deliver(alert: BudgetAlert): Promise<void> {
    await this.publish(alert);
    await this.store.markPublished(alert.alertId);
  }
}
