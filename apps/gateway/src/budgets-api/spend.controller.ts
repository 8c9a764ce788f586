import { Controller, Get, Query } from '@nestjs/common';
import { Errors } from '@helix/contracts';
import { Roles } from '../access/access.metadata.js';
import { Actor } from '../access/actor.decorator.js';
import { scopeOf } from '../admin/tenancy.js';
import type { Identity } from '../identity/identity.js';
import { reportRowView, spendView } from './budget.view.js';
import { CostAdminClient } from './cost-admin.client.js';

const one = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');

/**
 * Spend, from the cost-service: `GET /admin/spend` reports the ledger grouped by
 * `group_by` (day, org, team, user, key, model; comma-separated) between `from`
 * and `to` (days), with cache, model-swap and prompt-cache savings apart;
 * `GET /admin/spend/budgets` is each budget's standing in its current period.
 */
@Controller('admin/spend')
@Roles('admin', 'team-admin')
export class SpendController {
  constructor(private readonly cost: CostAdminClient) {}

  @Get()
  async report(@Actor() actor: Identity, @Query() q: Record<string, unknown>) {
    const groupBy = (one(q.group_by) || 'day').split(',').map((g) => g.trim()).filter(Boolean);
    const reply = await this.cost.report({ scope: scopeOf(actor), groupBy, fromDay: one(q.from), toDay: one(q.to), teamId: one(q.team_id), keyId: one(q.key_id), model: one(q.model) });
    return { object: 'list', group_by: groupBy, data: reply.rows.map((r) => reportRowView(r, groupBy)) };
  }

  @Get('budgets')
  async budgets(@Actor() actor: Identity, @Query() q: Record<string, unknown>) {
    const scope = scopeOf(actor);
    const orgId = scope.orgId ?? one(q.org_id);
    if (!orgId) throw Errors.badRequest("Missing required parameter: 'org_id'.", 'org_id', 'missing_required_parameter');
    const level = one(q.level);
    const scopeId = one(q.scope_id);
    const reply = await this.cost.spend({ orgId, level, scopeId });
    const visible = scope.teamId ? reply.budgets.filter((b) => b.budget?.teamId === scope.teamId) : reply.budgets;
    return { object: 'list', data: visible.map(spendView) };
  }
}
