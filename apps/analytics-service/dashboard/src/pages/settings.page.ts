import { json } from '../api.js';
import { card } from '../charts.js';
import { h } from '../dom.js';
import { usd } from '../format.js';
import { table } from '../table.js';
import type { Page } from './page.js';

interface Settings {
  models: { name: string; kind: string; strategy: string; deployments: { provider: string; model: string; weight: number }[]; fallbacks: string[] }[];
  budgets: Record<string, any>[];
  policies: { budget: Record<string, unknown>; pii: { enabled: boolean; fail_open: boolean; policies: Record<string, any>[] }; cache: { enabled: boolean; scope: string; semantic_rules: Record<string, any>[] }; rate_limits: Record<string, unknown> };
}

const on = (v: unknown) => (v ? 'on' : 'off');

/** Settings, read-only: models and routes, budgets, and the request-path policies. */
export const settingsPage: Page = {
  title: 'Settings',
  async render() {
    const s = await json<Settings>('settings');
    const p = s.policies;
    return {
      content: [
        card('models', 'Models and routes', table(
          [
            { key: 'name', label: 'Model' },
            { key: 'kind', label: 'Kind' },
            { key: 'strategy', label: 'Routing' },
            { key: 'deployments', label: 'Deployments', format: (d: Settings['models'][0]['deployments']) => d.map((x) => `${x.provider}/${x.model}${d.length > 1 ? ` ×${x.weight}` : ''}`).join(', ') },
            { key: 'fallbacks', label: 'Fallbacks', format: (f: string[]) => f.join(', ') },
          ],
          s.models,
        )),
        card('budgets', 'Budgets', table([{ key: 'level', label: 'Level' }, { key: 'scope_id', label: 'Scope' }, { key: 'period', label: 'Period' }, { key: 'amount_usd', label: 'Amount', format: usd }, { key: 'hard_limit_usd', label: 'Hard limit', format: (v) => (v ? usd(v) : '–') }], s.budgets)),
        card('policies', 'Policies', h('ul', { class: 'policies' },
          h('li', {}, `Budgets: ${on(p.budget.enabled)}${p.budget.fail_open ? ' (fails open)' : ' (fails closed)'}`),
          h('li', {}, `PII redaction: ${on(p.pii.enabled)}${p.pii.fail_open ? ' (fails open)' : ' (fails closed)'}; ${p.pii.policies.length} polic${p.pii.policies.length === 1 ? 'y' : 'ies'}`),
          h('li', {}, `Cache: ${on(p.cache.enabled)}, scope ${p.cache.scope}; semantic rules: ${p.cache.semantic_rules.map((r) => `${r.model}/${r.team} ${on(r.enabled)}`).join(', ') || 'none'}`),
          h('li', {}, `Rate limits: ${Object.entries(p.rate_limits).map(([k, v]) => `${k} ${v ?? '–'}`).join(', ')}`),
        )),
        card('pii-policies', 'PII policies', table(
          [
            { key: 'org', label: 'Org' },
            { key: 'team', label: 'Team' },
            { key: 'entities', label: 'Entities', format: (e: string[]) => e.join(', ') || 'all' },
            { key: 'operators', label: 'Operators', format: (o: { entity: string; operator: string }[]) => o.map((x) => `${x.entity}: ${x.operator}`).join(', ') || 'placeholders' },
            { key: 'restore', label: 'Restore', format: on },
          ],
          p.pii.policies,
        )),
      ],
      exports: [],
    };
  },
};
