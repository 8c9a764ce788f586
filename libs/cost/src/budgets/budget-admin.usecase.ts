import type { MessageInitShape } from '@bufbuild/protobuf';
import { AdminOp, Errors, uuidv7, type Budget as BudgetMessage, type BudgetCommand, type BudgetCommandReplySchema } from '@helix/contracts';
import type { PgBudgetStore } from '../db/pg.budget-store.js';
import type { AdminScopeFilter } from '../db/sql.js';
import { LEVELS, type Budget, type BudgetLevel } from './budget.js';
import { toBudgetMessage } from './budget-proto.js';
import type { BudgetDirectory } from './budget-directory.js';
import { PERIODS, type BudgetPeriod } from './period.js';

type Reply = MessageInitShape<typeof BudgetCommandReplySchema>;
const MAX_PICO = 9_000_000_000_000_000_000n;
const UPDATABLE = new Set(['amount_pico_usd', 'thresholds', 'hard_limit_pico_usd', 'strict', 'model_caps', 'period']);

/**
 * `helix.cost.budgets.v1`: budget CRUD for the gateway's admin API. The cost-service
 * owns the data; the gateway passes the caller's scope (every org, one org, or
 * one team for a team-admin), and nothing outside it is seen or changed.
 */
export class BudgetAdminUseCase {
  constructor(
    private readonly store: PgBudgetStore,
    private readonly directory: BudgetDirectory,
    private readonly defaultThresholds: () => number[],
    private readonly now: () => number = Date.now,
  ) {}

  async execute(cmd: BudgetCommand): Promise<Reply> {
    const scope: AdminScopeFilter = { orgId: cmd.scope?.orgId || undefined, teamId: cmd.scope?.teamId || undefined };
    switch (cmd.op) {
      case AdminOp.LIST: {
        const limit = cmd.limit >= 1 && cmd.limit <= 100 ? cmd.limit : 20;
        const { budgets, hasMore } = await this.store.list(scope, { level: cmd.level || undefined, scopeId: cmd.scopeId || undefined }, limit, cmd.after || undefined);
        return { budgets: budgets.map(toBudgetMessage), hasMore };
      }
      case AdminOp.GET:
        return { budgets: [toBudgetMessage(await this.found(scope, cmd.id))] };
      case AdminOp.CREATE:
        return { budgets: [toBudgetMessage(await this.create(scope, cmd.budget))] };
      case AdminOp.UPDATE:
        return { budgets: [toBudgetMessage(await this.update(scope, cmd.id, cmd.budget, cmd.updateMask))] };
      case AdminOp.DELETE: {
        const removed = await this.store.remove(scope, cmd.id);
        if (!removed) throw Errors.notFound(`No budget ${cmd.id}.`);
        this.directory.invalidate(removed.orgId);
        return { budgets: [toBudgetMessage(removed)] };
      }
      default:
        throw Errors.badRequest('Unknown budget operation.', 'op');
    }
  }

  private async found(scope: AdminScopeFilter, id: string): Promise<Budget> {
    const b = await this.store.get(scope, id);
    if (!b) throw Errors.notFound(`No budget ${id}.`);
    return b;
  }

  private async create(scope: AdminScopeFilter, m: BudgetMessage | undefined): Promise<Budget> {
    if (!m) throw Errors.badRequest('A budget is required.', 'budget');
    const level = oneOf(m.level, LEVELS, 'level') as BudgetLevel;
    if (!m.scopeId && level !== 'org') throw Errors.badRequest('scope_id is required.', 'scope_id');
    const orgId = scope.orgId ?? m.orgId;
    if (!orgId) throw Errors.badRequest('org_id is required.', 'org_id');
    if (scope.orgId && m.orgId && m.orgId !== scope.orgId) throw Errors.forbidden('You can only create budgets in your own org.');
    const teamId = teamOf(level, m, scope);
    const now = this.now();
    const budget: Budget = {
      id: uuidv7(),
      orgId,
      teamId,
      level,
      scopeId: level === 'org' ? orgId : m.scopeId,
      period: oneOf(m.period, PERIODS, 'period') as BudgetPeriod,
      amountPico: 0n,
      thresholds: [],
      hardLimitPico: null,
      strict: false,
      modelCaps: [],
      createdAt: now,
      updatedAt: now,
    };
    apply(budget, m, [...UPDATABLE], this.defaultThresholds());
    await this.store.insert(budget);
    this.directory.invalidate(orgId);
    return budget;
  }

  private async update(scope: AdminScopeFilter, id: string, m: BudgetMessage | undefined, mask: string[]): Promise<Budget> {
    const budget = await this.found(scope, id);
    if (!m || mask.length === 0) throw Errors.badRequest('Name the fields to change in update_mask.', 'update_mask');
    const bad = mask.find((f) => !UPDATABLE.has(f));
    if (bad) throw Errors.badRequest(`The field '${bad}' cannot be changed.`, bad);
    apply(budget, m, mask, this.defaultThresholds());
    budget.updatedAt = this.now();
    await this.store.update(budget);
    this.directory.invalidate(budget.orgId);
    return budget;
  }
}

function teamOf(level: BudgetLevel, m: BudgetMessage, scope: AdminScopeFilter): string | null {
  if (scope.teamId) {
    if (level === 'org') throw Errors.forbidden('A team-admin cannot set org budgets.');
    if (level === 'team' && m.scopeId !== scope.teamId) throw Errors.forbidden('A team-admin can only budget their own team.');
    return scope.teamId;
  }
  if (level === 'org') return null;
  if (level === 'team') return m.scopeId;
  return m.teamId || null;
}

function apply(b: Budget, m: BudgetMessage, fields: readonly string[], defaults: number[]): void {
  const has = (f: string) => fields.includes(f);
  if (has('period')) b.period = oneOf(m.period || b.period, PERIODS, 'period') as BudgetPeriod;
  if (has('amount_pico_usd')) b.amountPico = money(m.amountPicoUsd, 'amount_usd');
  if (has('thresholds')) b.thresholds = thresholds(m.thresholds.length ? m.thresholds : defaults);
  if (has('hard_limit_pico_usd')) b.hardLimitPico = m.hardLimitPicoUsd > 0n ? money(m.hardLimitPicoUsd, 'hard_limit_usd') : null;
  if (has('strict')) b.strict = m.strict;
  if (has('model_caps')) b.modelCaps = m.modelCaps.map((c, i) => ({ model: nonEmpty(c.model, `model_caps[${i}].model`), limitPico: money(c.limitPicoUsd, `model_caps[${i}].limit_usd`) }));
  if (b.strict && b.hardLimitPico === null) throw Errors.badRequest('A strict budget needs a hard limit.', 'strict');
}

function oneOf(value: string, allowed: readonly string[], field: string): string {
  if (!allowed.includes(value)) throw Errors.badRequest(`${field} must be one of ${allowed.join(', ')}.`, field);
  return value;
}

function money(v: bigint, field: string): bigint {
  if (v < 0n || v > MAX_PICO) throw Errors.badRequest(`${field} must be between 0 and 9,000,000 USD.`, field);
  return v;
}

function thresholds(list: readonly number[]): number[] {
  if (list.some((t) => !Number.isInteger(t) || t < 1 || t > 1_000)) throw Errors.badRequest('thresholds must be percentages from 1 to 1000.', 'thresholds');
  return [...new Set(list)].sort((a, b) => a - b);
}

function nonEmpty(v: string, field: string): string {
  if (!v) throw Errors.badRequest(`${field} is required.`, field);
  return v;
}
