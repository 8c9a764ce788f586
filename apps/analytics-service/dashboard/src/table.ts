import { h } from './dom.js';

/** A plain table of rows with the given columns and cell formatters. */
export function table(columns: { key: string; label: string; format?: (v: any, row: Record<string, any>) => string }[], rows: Record<string, any>[]): HTMLElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', {}, c.label)))),
    h('tbody', {}, ...(rows.length ? rows.map((r) => h('tr', {}, ...columns.map((c) => h('td', {}, c.format ? c.format(r[c.key], r) : String(r[c.key] ?? ''))))) : [h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, 'No data.'))])),
  );
}
