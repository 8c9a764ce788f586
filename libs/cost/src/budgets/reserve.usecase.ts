import type { MessageInitShape } from '@bufbuild/protobuf';
import type { CostConfig } from '@helix/config';
import { BudgetVerdict, type BudgetReserveReplySchema, type BudgetReserveRequest } from '@helix/contracts';
import { reservationOf } from '../prices/cost-of.js';
import type { PriceBook } from '../prices/price-book.js';
import type { BudgetCounters, ReserveInput, ReserveResult } from './budget-counters.js';
import type { BudgetDirectory } from './budget-directory.js';
import { budgetLines, counterSpecs, type BudgetLine } from './budget-lines.js';
import { seedCounters, type LedgerSpend } from './seed-counters.js';

type Reply = MessageInitShape<typeof BudgetReserveReplySchema>;

/** What the reservation reports besides its verdict (metrics, alerts). */
export interface ReserveEvents {
  unpriced(model: string, tenant: { orgId: string; teamId: string }): void;
  refused(line: BudgetLine, usedPico: bigint, nowMs: number): void;
}

export interface ReserveDeps {
  directory: BudgetDirectory;
  counters: BudgetCounters;
  prices: () => PriceBook;
  config: () => CostConfig;
  events: ReserveEvents;
  /** Seeds counters not seeded yet (new in their period, or lost) from the ledger; without it they start at zero. */
  ledger?: LedgerSpend;
  now?: () => number;
}

/**
 * `helix.cost.reserve.v1`: reserves the request's cost (prompt × input price +
 * output allowance × output price) on every budget counter that applies, in one
 * atomic step. A hard limit it would pass refuses it, naming the level; strict
 * budgets cap max_tokens; a swap policy may name a cheaper model. A model without
 * a price reserves nothing but still meets the hard limits already reached.
 */
export class ReserveUseCase {
  private readonly now: () => number;

  constructor(private readonly deps: ReserveDeps) {
    this.now = deps.now ?? Date.now;
  }

  async execute(req: BudgetReserveRequest): Promise<Reply> {
    const tenant = { orgId: req.tenant?.orgId ?? '', teamId: req.tenant?.teamId ?? '', userId: req.tenant?.userId ?? '', keyId: req.tenant?.keyId ?? '' };
    const cfg = this.deps.config();
    const now = this.now();
    const price = this.deps.prices().priceAt([req.model, req.priceModel], now);
    if (!price) this.deps.events.unpriced(req.model, tenant);
    const lines = budgetLines(await this.deps.directory.forOrg(tenant.orgId), tenant, req.model, now, cfg.timeZone);
    if (lines.length === 0) return { verdict: BudgetVerdict.ALLOW };
    const allowance = req.maxTokens || cfg.defaultOutputAllowance;
    const cost = price ? reservationOf(price, req.promptTokens, allowance) : { promptCost: 0n, outputPrice: 0n };
    const result = await this.reserveSeeded(lines, now, {
      orgId: tenant.orgId,
      reservationId: req.reservationId,
      counters: counterSpecs(lines),
      promptCost: cost.promptCost,
      outputPrice: cost.outputPrice,
      allowance,
      nowMs: now,
      expireAtMs: now + cfg.reservationTtlMs,
      requireSeed: this.deps.ledger !== undefined,
    });
    if (!result.ok) {
      const line = lines[result.refusedBy]!;
      this.deps.events.refused(line, result.used[result.refusedBy]!, now);
      return { verdict: BudgetVerdict.REFUSE, level: line.budget.level, scopeId: line.budget.scopeId, message: refusal(line) };
    }
    const strict = lines.some((l) => l.strict);
    return {
      verdict: BudgetVerdict.ALLOW,
      reservedPicoUsd: result.amount,
      cappedMaxTokens: strict && (result.allowance < allowance || !req.maxTokens) ? result.allowance : 0,
      swapModel: swapFor(req.model, lines, result.used, cfg),
    };
  }

  /** Reserves; counters the store has not seeded are seeded from the ledger first, then the reservation is tried again. */
  private async reserveSeeded(lines: readonly BudgetLine[], now: number, input: ReserveInput): Promise<Exclude<ReserveResult, { unseeded: number[] }>> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await this.deps.counters.reserve(input);
      if (!('unseeded' in result)) return result;
      await seedCounters(this.deps.counters, this.deps.ledger!, input.orgId, result.unseeded.map((i) => lines[i]!), now);
    }
    throw new Error(`budget counters of org ${input.orgId} stayed unseeded after seeding them`);
  }
}

function refusal(line: BudgetLine): string {
  const b = line.budget;
  const model = line.model ? ` for the model ${line.model}` : '';
  return `The ${b.level} budget (${b.scopeId})${model} has reached its ${b.period} hard limit, so the request was refused.`;
}

/** The first swap policy for this model whose threshold a budget of the request's scopes has passed (spent + reserved before it). */
function swapFor(model: string, lines: readonly BudgetLine[], used: readonly bigint[], cfg: CostConfig): string {
  for (const rule of cfg.swaps) {
    if (rule.from !== model) continue;
    const passed = lines.some((l, i) => !l.model && l.budget.amountPico > 0n && used[i]! * 100n >= BigInt(rule.atPercent) * l.budget.amountPico);
    if (passed) return rule.to;
  }
  return '';
}

