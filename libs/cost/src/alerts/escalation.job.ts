import type { CostConfig } from '@helix/config';
import type { BudgetAlert } from '@helix/contracts';
import type { BudgetDirectory } from '../budgets/budget-directory.js';
import { periodWindow } from '../budgets/period.js';
import type { BudgetCounters } from '../budgets/budget-counters.js';
import { escalationOf } from './alert-ids.js';
import type { AlertRaiser } from './alert-raiser.js';
import type { PgAlertStore } from './alert-store.js';

/**
 * Escalation: a hard-limit alert still standing `escalateAfterMs` after it was
 * raised goes again, to the escalation channels. Standing = nobody resolved it:
 * the budget still exists, its hard limit was not raised, and its period has not
 * reset. Each due alert is claimed by one replica.
 */
export class EscalationJob {
  constructor(
    private readonly alerts: Pick<PgAlertStore, 'claimEscalations'>,
    private readonly directory: BudgetDirectory,
    private readonly counters: BudgetCounters,
    private readonly raiser: AlertRaiser,
    private readonly config: () => CostConfig,
  ) {}

  async run(nowMs: number): Promise<number> {
    let raised = 0;
    for (const hard of await this.alerts.claimEscalations(nowMs)) {
      if (await this.standing(hard, nowMs)) {
        const [reading] = await this.counters.read(hard.tenant?.orgId ?? '', [hard.alertId.slice('hard:'.length)]);
        if (await this.raiser.raise(escalationOf(hard, reading?.spent ?? hard.spendPicoUsd, nowMs))) raised++;
      }
    }
    return raised;
  }

  private async standing(hard: BudgetAlert, nowMs: number): Promise<boolean> {
    const [budgetId, periodKey, , model] = hard.alertId.slice('hard:'.length).split(':');
    const budget = (await this.directory.forOrg(hard.tenant?.orgId ?? '')).find((b) => b.id === budgetId);
    if (!budget || periodWindow(budget.period, nowMs, this.config().timeZone).key !== periodKey) return false;
    const limit = model ? budget.modelCaps.find((c) => c.model === model)?.limitPico : budget.hardLimitPico;
    return limit !== undefined && limit !== null && limit <= hard.limitPicoUsd;
  }
}
