import { checkScope, parseQuery, type AnalyticsQuery, type ParseOptions, type Scope } from '@helix/analytics';
import type { AnalyticsCore } from '../analytics-core.js';
import { scopeOf, type Caller } from './caller.js';

/** A validated query and the caller's scope, checked against each other. */
export function readQuery(core: AnalyticsCore, caller: Caller, raw: Record<string, unknown>, opts: Omit<ParseOptions, 'now'>): { q: AnalyticsQuery; scope: Scope } {
  const q = parseQuery(raw, { ...opts, now: core.now() });
  const scope = scopeOf(caller);
  checkScope(q, scope);
  return { q, scope };
}

/** The range and grouping of an answer, for its JSON envelope. */
export const metaOf = (q: AnalyticsQuery) => ({ from: new Date(q.fromMs).toISOString(), to: new Date(q.toMs).toISOString(), interval: q.interval ?? null, group_by: q.groupBy });

/** Runs `fn`, observing its duration under the endpoint's name. */
export async function timed<T>(core: AnalyticsCore, endpoint: string, fn: () => Promise<T>): Promise<T> {
  const end = core.metrics.querySeconds.startTimer({ endpoint });
  try {
    return await fn();
  } finally {
    end();
  }
}
