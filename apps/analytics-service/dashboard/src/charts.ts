import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from './dom.js';

export const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

export interface Line {
  label: string;
  values: (number | null)[];
}

/** A titled card; `data-chart` names it, `data-rendered` is true once its content is drawn. */
export function card(name: string, title: string, ...body: Node[]): HTMLElement {
  return h('section', { class: 'card', 'data-chart': name, 'data-rendered': 'true' }, h('h3', {}, title), ...body);
}

const markDrawn = (el: HTMLElement) => el.closest('[data-chart]')?.setAttribute('data-rendered', 'true');

/** A time-series line chart (uPlot), sized to its card and resized with it. */
export function timeChart(name: string, title: string, buckets: string[], lines: Line[], format: (v: number) => string = String, yRange?: [number, number]): HTMLElement {
  const plot = h('div', { class: 'plot' });
  const el = card(name, title, plot);
  el.setAttribute('data-rendered', 'false');
  const data: uPlot.AlignedData = [buckets.map((b) => Date.parse(b) / 1000), ...lines.map((l) => l.values)];
  requestAnimationFrame(() => {
    const width = Math.max(plot.clientWidth, 280);
    const chart = new uPlot(
      {
        width,
        height: 220,
        legend: { show: lines.length > 1 },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: yRange ? { range: yRange } : { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
        axes: [{ stroke: '#64748b' }, { stroke: '#64748b', size: 64, values: (_u, splits) => splits.map(format) }],
        series: [{}, ...lines.map((l, i) => ({ label: l.label, stroke: COLORS[i % COLORS.length], width: 2, points: { show: false }, value: (_u: uPlot, v: number | null) => (v === null ? '–' : format(v)) }))],
        hooks: { draw: [() => markDrawn(plot)] },
      },
      data,
      plot,
    );
    new ResizeObserver(() => chart.setSize({ width: Math.max(plot.clientWidth, 280), height: 220 })).observe(plot);
  });
  return el;
}

/** A horizontal bar chart of a breakdown (largest first), with each value's label. */
export function barChart(name: string, title: string, items: { label: string; value: number; text: string }[]): HTMLElement {
  const max = Math.max(...items.map((i) => i.value), 0);
  const body = items.length
    ? h('ul', { class: 'bars' }, ...items.map((i) => h('li', {}, h('span', { class: 'bar-label', title: i.label }, i.label), h('span', { class: 'bar' }, h('span', { class: 'bar-fill', 'data-pct': max ? Math.round((i.value / max) * 100) : 0 })), h('span', { class: 'bar-value' }, i.text))))
    : h('p', { class: 'empty' }, 'No data in this range.');
  const el = card(name, title, body);
  for (const fillEl of el.querySelectorAll<HTMLElement>('.bar-fill')) fillEl.style.width = `${fillEl.dataset.pct}%`;
  return el;
}

/** A headline number. */
export const tile = (name: string, label: string, value: string, sub = ''): HTMLElement =>
  h('div', { class: 'tile', 'data-tile': name }, h('span', { class: 'tile-label' }, label), h('span', { class: 'tile-value' }, value), sub ? h('span', { class: 'tile-sub' }, sub) : null);
