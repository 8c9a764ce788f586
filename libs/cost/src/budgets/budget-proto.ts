import { create } from '@bufbuild/protobuf';
import { BudgetSchema, ModelCapSchema, type Budget as BudgetMessage } from '@helix/contracts';
import type { Budget } from './budget.js';

/** Domain budget → the `Budget` message. */
export function toBudgetMessage(b: Budget): BudgetMessage {
  return create(BudgetSchema, {
    id: b.id,
    orgId: b.orgId,
    teamId: b.teamId ?? '',
    level: b.level,
    scopeId: b.scopeId,
    period: b.period,
    amountPicoUsd: b.amountPico,
    thresholds: b.thresholds,
    hardLimitPicoUsd: b.hardLimitPico ?? 0n,
    strict: b.strict,
    modelCaps: b.modelCaps.map((c) => create(ModelCapSchema, { model: c.model, limitPicoUsd: c.limitPico })),
    createdAtMs: BigInt(b.createdAt),
    updatedAtMs: BigInt(b.updatedAt),
  });
}
