import { Controller, Get, Inject, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CONFIG_STORE, type ConfigStore } from '@helix/config';
import { REQUEST_COLUMNS } from '@helix/analytics';
import type { AnalyticsCore } from '../analytics-core.js';
import { ANALYTICS_CORE } from '../analytics.tokens.js';
import { AnalyticsAccessGuard } from './access.guard.js';
import { ApiAnalyticsQuery } from './api-docs.js';
import { budgetView, spendView } from './budget.view.js';
import { AnalyticsReaders, CurrentCaller, scopeOf, type Caller } from './caller.js';
import { CostClient } from './cost.client.js';
import { metaOf, readQuery, timed } from './query-runner.js';
import { formatOf, sendTable, streamRows } from './respond.js';
import { settingsView } from './settings.view.js';

type Raw = Record<string, unknown>;
const EXPORT_COLUMNS = [...REQUEST_COLUMNS.filter((c) => !['outcome', 'cost_pico', 'saved_pico'].includes(c)), 'status', 'cost_usd', 'saved_usd'];

/** The raw request log (streamed export), budget utilisation and the read-only settings. */
@ApiTags('data')
@Controller('v1/analytics')
@UseGuards(AnalyticsAccessGuard)
@AnalyticsReaders()
export class DataController {
  constructor(
    @Inject(ANALYTICS_CORE) private readonly core: AnalyticsCore,
    private readonly cost: CostClient,
    @Inject(CONFIG_STORE) private readonly store: ConfigStore,
  ) {}

  @Get('rows') @ApiOperation({ summary: 'Request rows, oldest first, streamed as a JSON array or CSV: an export of any size holds one page in memory.' })
  @ApiAnalyticsQuery({ groupBy: false, limit: 'Most rows in all (default: every row of the range).', rows: 'A JSON array (or CSV) of request rows.' })
  rows(@CurrentCaller() c: Caller, @Query() raw: Raw, @Res() reply: FastifyReply) {
    const format = formatOf(raw);
    const { q, scope } = readQuery(this.core, c, raw, { defaultLimit: Number.MAX_SAFE_INTEGER, maxLimit: Number.MAX_SAFE_INTEGER });
    return streamRows(reply, format, 'rows', EXPORT_COLUMNS, this.core.rows.pages(q, scope));
  }

  @Get('budgets') @ApiOperation({ summary: "Budget utilisation: each budget's spend, reservations and what is left in its current period (from the cost-service)." })
  @ApiAnalyticsQuery({ groupBy: false, dims: ['org', 'team'] })
  async budgets(@CurrentCaller() c: Caller, @Query() raw: Raw, @Res() reply: FastifyReply) {
    const format = formatOf(raw);
    const { q, scope } = readQuery(this.core, c, raw, { dimensions: ['org', 'team'] });
    const team = scope.teamId ?? q.filters.team;
    const rows = await timed(this.core, 'budgets', async () => {
      const orgs = scope.orgId ? [scope.orgId] : q.filters.org ? [q.filters.org] : await this.activeOrgs(q.fromMs, q.toMs);
      const spends = (await Promise.all(orgs.map((orgId) => this.cost.spend({ orgId })))).flat();
      return spends.filter((s) => !team || s.budget?.teamId === team).map(spendView);
    });
    return sendTable(reply, format, 'budgets', metaOf(q), rows);
  }

  @Get('settings') @ApiOperation({ summary: 'Read-only: models and their routes, budgets, and the budget, PII, cache and rate-limit policies.' })
  @ApiOkResponse({ description: '`{models, budgets, policies}`; names and switches only, never credentials.' })
  async settings(@CurrentCaller() c: Caller) {
    const scope = scopeOf(c);
    const budgets = await this.cost.budgets(scope);
    return { object: 'analytics.settings', ...settingsView(this.store.current, scope), budgets: budgets.map(budgetView) };
  }

  private async activeOrgs(fromMs: number, toMs: number): Promise<string[]> {
    const q = { fromMs: Math.floor(fromMs / 86_400_000) * 86_400_000, toMs: Math.ceil(toMs / 86_400_000) * 86_400_000, groupBy: ['org' as const], filters: {}, limit: 100 };
    const { rows } = await this.core.series.execute(q, {}, ['requests']);
    return rows.map((r) => String(r.org_id)).filter(Boolean);
  }
}
