import { rows } from '../api.js';
import { barChart, tile, timeChart } from '../charts.js';
import { h } from '../dom.js';
import { ms, num, pct, usd } from '../format.js';
import type { Page } from './page.js';

const col = (data: Record<string, any>[], key: string) => data.map((r) => (r[key] === null ? null : Number(r[key])));

/** Overview: requests, spend, savings, hit rate, latency and errors. */
export const overviewPage: Page = {
  title: 'Overview',
  async render({ window, params }) {
    const [[total], series, errors] = await Promise.all([
      rows('summary', params),
      rows('summary', { ...params, interval: window.interval }),
      rows('errors', params),
    ]);
    const t = total ?? {};
    const buckets = series.map((r) => r.bucket as string);
    return {
      content: [
        h('div', { class: 'tiles' },
          tile('requests', 'Requests', num(t.requests), `${num(t.total_tokens)} tokens`),
          tile('spend', 'Spend', usd(t.cost_usd)),
          tile('savings', 'Saved by the cache', usd(t.saved_usd)),
          tile('hit-rate', 'Cache hit rate', pct(t.hit_rate)),
          tile('latency', 'Latency p95', ms(t.latency_p95_ms), `p50 ${ms(t.latency_p50_ms)}`),
          tile('errors', 'Error rate', pct(t.error_rate), `${num(t.errors)} errors`),
        ),
        h('div', { class: 'grid' },
          timeChart('requests', 'Requests', buckets, [{ label: 'requests', values: col(series, 'requests') }, { label: 'errors', values: col(series, 'errors') }], num),
          timeChart('spend', 'Spend (USD)', buckets, [{ label: 'spend', values: col(series, 'cost_usd') }], usd),
          timeChart('savings', 'Saved by the cache (USD)', buckets, [{ label: 'saved', values: col(series, 'saved_usd') }], usd),
          timeChart('hit-rate', 'Cache hit rate', buckets, [{ label: 'hit rate', values: col(series, 'hit_rate') }], pct, [0, 1]),
          timeChart('latency', 'Latency (ms)', buckets, ['p50', 'p95', 'p99'].map((p) => ({ label: p, values: col(series, `latency_${p}_ms`) })), ms),
          barChart('errors', 'Errors by type', errors.map((e) => ({ label: e.error_type, value: e.errors, text: `${num(e.errors)} (${pct(e.error_rate)})` }))),
        ),
      ],
      exports: [{ label: 'Export CSV', path: 'summary', params: { ...params, interval: window.interval }, name: 'overview' }],
    };
  },
};
