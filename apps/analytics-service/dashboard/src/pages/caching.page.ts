import { rows } from '../api.js';
import { barChart, tile, timeChart } from '../charts.js';
import { h } from '../dom.js';
import { num, pct, usd } from '../format.js';
import { table } from '../table.js';
import type { Page } from './page.js';

const col = (data: Record<string, any>[], key: string) => data.map((r) => (r[key] === null ? null : Number(r[key])));

/** Caching: exact and semantic hit rates, dollars saved, per team and model. */
export const cachingPage: Page = {
  title: 'Caching',
  async render({ window, params }) {
    const [[total], series, byTeam, byModel] = await Promise.all([
      rows('cache', params),
      rows('cache', { ...params, interval: window.interval }),
      rows('cache', { ...params, group_by: 'team' }),
      rows('cache', { ...params, group_by: 'model' }),
    ]);
    const t = total ?? {};
    const buckets = series.map((r) => r.bucket as string);
    return {
      content: [
        h('div', { class: 'tiles' },
          tile('hit-rate', 'Hit rate', pct(t.hit_rate)),
          tile('exact', 'Exact hits', num(t.hits_exact), pct(t.exact_hit_rate)),
          tile('semantic', 'Semantic hits', num(t.hits_semantic), pct(t.semantic_hit_rate)),
          tile('saved', 'Saved', usd(t.saved_usd)),
        ),
        h('div', { class: 'grid' },
          timeChart('hit-rates', 'Hit rate', buckets, [{ label: 'exact', values: col(series, 'exact_hit_rate') }, { label: 'semantic', values: col(series, 'semantic_hit_rate') }], pct, [0, 1]),
          timeChart('saved', 'Saved (USD)', buckets, [{ label: 'saved', values: col(series, 'saved_usd') }], usd),
          barChart('by-team', 'Hit rate by team', byTeam.map((r) => ({ label: r.team_id || '(none)', value: Number(r.hit_rate ?? 0), text: `${pct(r.hit_rate)} · ${usd(r.saved_usd)}` }))),
          barChart('by-model', 'Saved by model', byModel.map((r) => ({ label: r.model || '(none)', value: Number(r.saved_usd), text: usd(r.saved_usd) }))),
        ),
        table(
          [
            { key: 'model', label: 'Model' },
            { key: 'requests', label: 'Requests', format: num },
            { key: 'hits_exact', label: 'Exact', format: num },
            { key: 'hits_semantic', label: 'Semantic', format: num },
            { key: 'hit_rate', label: 'Hit rate', format: pct },
            { key: 'saved_usd', label: 'Saved', format: usd },
          ],
          byModel,
        ),
      ],
      exports: [{ label: 'Export CSV', path: 'cache', params: { ...params, group_by: 'team,model' }, name: 'caching' }],
    };
  },
};
