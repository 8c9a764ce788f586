import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { AdminOp, type Budget } from '@helix/contracts';
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { BudgetSchema } from '@helix/contracts';
import { Roles } from '../access/access.metadata.js';
import { Actor } from '../access/actor.decorator.js';
import { parsePage } from '../admin/page.js';
import { scopeOf } from '../admin/tenancy.js';
import type { Identity } from '../identity/identity.js';
import { createBudgetBody, updateBudgetBody, type BudgetBody } from './budget.schemas.js';
import { budgetView, picoOf } from './budget.view.js';
import { CostAdminClient } from './cost-admin.client.js';

const MASK: Record<string, string> = {
  amount_usd: 'amount_pico_usd',
  hard_limit_usd: 'hard_limit_pico_usd',
  strict: 'strict',
  thresholds: 'thresholds',
  model_caps: 'model_caps',
  period: 'period',
};

/**
 * `/admin/budgets`: budgets of orgs, teams, users and keys, forwarded to the
 * cost-service (which owns them). Admins manage their org's, team-admins their
 * own team's; the master key any org's (naming `org_id`).
 */
@Controller('admin/budgets')
@Roles('admin', 'team-admin')
export class BudgetsController {
  constructor(private readonly cost: CostAdminClient) {}

  @Post()
  async create(@Actor() actor: Identity, @Body() raw: unknown) {
    const body = createBudgetBody(raw);
    const scope = scopeOf(actor);
    const budget = { ...toMessage(body), orgId: scope.orgId ?? body.org_id ?? '', level: body.level!, scopeId: body.scope_id ?? (body.level === 'team' ? (scope.teamId ?? '') : ''), teamId: body.team_id ?? '' };
    return view((await this.cost.budgets({ op: AdminOp.CREATE, scope, budget })).budgets);
  }

  @Get()
  async list(@Actor() actor: Identity, @Query() query: Record<string, unknown>) {
    const { level, scope_id: scopeId, ...rest } = query as Record<string, string | undefined>;
    const page = parsePage(rest);
    const reply = await this.cost.budgets({ op: AdminOp.LIST, scope: scopeOf(actor), level: level ?? '', scopeId: scopeId ?? '', limit: page.limit, after: page.after ?? '' });
    return { object: 'list', data: reply.budgets.map(budgetView), has_more: reply.hasMore };
  }

  @Get(':id')
  async get(@Actor() actor: Identity, @Param('id') id: string) {
    return view((await this.cost.budgets({ op: AdminOp.GET, scope: scopeOf(actor), id })).budgets);
  }

  @Patch(':id')
  async update(@Actor() actor: Identity, @Param('id') id: string, @Body() raw: unknown) {
    const body = updateBudgetBody(raw);
    const updateMask = Object.keys(body).map((k) => MASK[k]!);
    return view((await this.cost.budgets({ op: AdminOp.UPDATE, scope: scopeOf(actor), id, budget: toMessage(body), updateMask })).budgets);
  }

  @Delete(':id')
  async remove(@Actor() actor: Identity, @Param('id') id: string) {
    return { ...view((await this.cost.budgets({ op: AdminOp.DELETE, scope: scopeOf(actor), id })).budgets), deleted: true };
  }
}

const view = (budgets: Budget[]) => budgetView(budgets[0]!);

function toMessage(b: BudgetBody): MessageInitShape<typeof BudgetSchema> {
  return {
    period: b.period ?? '',
    amountPicoUsd: b.amount_usd !== undefined ? picoOf(b.amount_usd, 'amount_usd') : 0n,
    hardLimitPicoUsd: b.hard_limit_usd != null ? picoOf(b.hard_limit_usd, 'hard_limit_usd') : 0n,
    strict: b.strict ?? false,
    thresholds: b.thresholds ?? [],
    modelCaps: (b.model_caps ?? []).map((c, i) => ({ model: c.model, limitPicoUsd: picoOf(c.limit_usd, `model_caps[${i}].limit_usd`) })),
  };
}
