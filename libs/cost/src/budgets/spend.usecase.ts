import { create, type MessageInitShape } from '@bufbuild/protobuf';
import type { CostConfig } from '@helix/config';
import { BudgetSpendSchema, type SpendReplySchema, type SpendRequest } from '@helix/contracts';
import { appliesTo, type Budget } from './budget.js';
import type { BudgetCounters } from './budget-counters.js';
import { periodLine } from './budget-lines.js';
import { toBudgetMessage } from './budget-proto.js';
import { seedCounters, type LedgerSpend } from './seed-counters.js';

type Reply = MessageInitShape<typeof SpendReplySchema>;

/**
 * `helix.cost.spend.v1`: the current period's spend, reservations and what is
 * left of each budget of a scope (`level` + `scope_id`), or of every budget that
 * applies to a tenant's requests. Reads the budgets fresh, not from the cache.
 */
export class SpendUseCase {
  constructor(
    private readonly budgets: { byOrg(orgId: string): Promise<Budget[]> },
    private readonly counters: BudgetCounters,
    private readonly config: () => CostConfig,
    private readonly now: () => number = Date.now,
    /** Seeds counters not seeded yet (lost with Redis, or an embedded restart), so the view shows the period's real spend. */
    private readonly ledger?: LedgerSpend,
  ) {}

  async execute(req: SpendRequest): Promise<Reply> {
    const all = await this.budgets.byOrg(req.orgId);
    const t = req.tenant;
    const chosen = all.filter((b) =>
      req.level ? b.level === req.level && (!req.scopeId || b.scopeId === req.scopeId) : t ? appliesTo(b, { orgId: req.orgId, teamId: t.teamId, userId: t.userId, keyId: t.keyId }) : true,
    );
    const now = this.now();
    const lines = chosen.map((b) => periodLine(b, now, this.config().timeZone));
    const ids = lines.map((l) => l.counterId);
    if (this.ledger) {
      const unseeded = await this.counters.unseeded(req.orgId, ids);
      if (unseeded.length) await seedCounters(this.counters, this.ledger, req.orgId, unseeded.map((i) => lines[i]!), now);
    }
    const readings = await this.counters.read(req.orgId, ids);
    return {
      budgets: chosen.map((b, i) => {
        const w = lines[i]!.window;
        const { spent, reserved } = readings[i]!;
        return create(BudgetSpendSchema, {
          budget: toBudgetMessage(b),
          periodStart: w.start,
          periodEnd: Number.isFinite(w.endMs) ? new Date(w.endMs).toISOString() : '',
          spentPicoUsd: spent,
          reservedPicoUsd: reserved,
          remainingPicoUsd: b.amountPico - spent - reserved,
        });
      }),
    };
  }
}
