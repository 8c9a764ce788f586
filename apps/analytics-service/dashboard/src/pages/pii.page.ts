import { rows } from '../api.js';
import { barChart, tile, timeChart } from '../charts.js';
import { h } from '../dom.js';
import { num } from '../format.js';
import { table } from '../table.js';
import type { Page } from './page.js';

const sum = (r: Record<string, any>[], key: string) => r.reduce((s, x) => s + Number(x[key] ?? 0), 0);

/** PII: detections by entity and action, and the requests the policy blocked. */
export const piiPage: Page = {
  title: 'PII',
  async render({ window, params }) {
    const [byEntity, byAction, series, detail] = await Promise.all([
      rows('pii', { ...params, group_by: 'entity' }),
      rows('pii', { ...params, group_by: 'action' }),
      rows('pii', { ...params, interval: window.interval }),
      rows('pii', params),
    ]);
    byEntity.sort((a, b) => b.detections - a.detections);
    return {
      content: [
        h('div', { class: 'tiles' }, tile('detections', 'Detections', num(sum(byEntity, 'detections'))), tile('blocked', 'Blocked requests', num(sum(series, 'blocked_requests')))),
        h('div', { class: 'grid' },
          barChart('by-entity', 'Detections by entity', byEntity.map((r) => ({ label: r.entity || '(none)', value: r.detections, text: num(r.detections) }))),
          barChart('by-action', 'Detections by action', byAction.map((r) => ({ label: r.action || '(none)', value: r.detections, text: num(r.detections) }))),
          timeChart('over-time', 'Detections and blocked requests', series.map((r) => r.bucket), [{ label: 'detections', values: series.map((r) => r.detections) }, { label: 'blocked', values: series.map((r) => r.blocked_requests) }], num),
        ),
        table([{ key: 'entity', label: 'Entity' }, { key: 'action', label: 'Action' }, { key: 'detections', label: 'Detections', format: num }, { key: 'blocked_requests', label: 'Blocked requests', format: num }], detail),
      ],
      exports: [{ label: 'Export CSV', path: 'pii', params, name: 'pii' }],
    };
  },
};
