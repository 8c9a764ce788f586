import { rows } from '../api.js';
import { barChart, card, tile, timeChart } from '../charts.js';
import { h } from '../dom.js';
import { num, pct, usd } from '../format.js';
import { table } from '../table.js';
import type { Page } from './page.js';

const spendBars = (r: Record<string, any>[], key: string) => r.map((x) => ({ label: x[key] || '(none)', value: Number(x.cost_usd), text: usd(x.cost_usd) }));

/** Cost: the spend trend, by model, provider and team, top keys, and budgets. */
export const costPage: Page = {
  title: 'Cost',
  async render({ window, params }) {
    const [series, byModel, byProvider, byTeam, keys, budgets] = await Promise.all([
      rows('cost', { ...params, interval: window.interval }),
      rows('top/models', params),
      rows('cost', { ...params, group_by: 'provider' }),
      rows('top/teams', params),
      rows('top/keys', params),
      rows('budgets', params).catch(() => []),
    ]);
    const total = series.reduce((s, r) => s + Number(r.cost_usd), 0);
    return {
      content: [
        h('div', { class: 'tiles' }, tile('spend', 'Spend', usd(total)), tile('unpriced', 'Unpriced requests', num(series.reduce((s, r) => s + r.unpriced, 0)))),
        h('div', { class: 'grid' },
          timeChart('spend-trend', 'Spend trend (USD)', series.map((r) => r.bucket), [{ label: 'spend', values: series.map((r) => Number(r.cost_usd)) }], usd),
          barChart('by-model', 'Spend by model', spendBars(byModel, 'model')),
          barChart('by-provider', 'Spend by provider', spendBars(byProvider.sort((a, b) => Number(b.cost_usd) - Number(a.cost_usd)), 'provider')),
          barChart('by-team', 'Spend by team', spendBars(byTeam, 'team_id')),
        ),
        card('budgets', 'Budgets', table(
          [
            { key: 'level', label: 'Level' },
            { key: 'scope_id', label: 'Scope' },
            { key: 'period', label: 'Period' },
            { key: 'amount_usd', label: 'Budget', format: usd },
            { key: 'spent_usd', label: 'Spent', format: usd },
            { key: 'utilisation', label: 'Used', format: pct },
          ],
          budgets,
        )),
        card('top-keys', 'Top keys by spend', table([{ key: 'key_id', label: 'Key' }, { key: 'requests', label: 'Requests', format: num }, { key: 'cost_usd', label: 'Spend', format: usd }], keys)),
      ],
      exports: [
        { label: 'Export CSV', path: 'cost', params: { ...params, group_by: 'team,model,provider' }, name: 'cost' },
        { label: 'Export request log', path: 'rows', params, name: 'requests' },
      ],
    };
  },
};
