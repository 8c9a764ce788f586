import type { BudgetAlert, PiiDetected } from '@helix/contracts';
import { tenantIds, type TenantIds } from './tenant-ids.js';

/** One entity type and operator of a `PiiDetected` event (`analytics.pii_detections`). */
export interface PiiRow extends TenantIds {
  eventId: string;
  atMs: number;
  requestId: string;
  direction: number;
  entityType: string;
  operator: string;
  count: number;
  blocked: boolean;
}

/**
 * A PII audit event → one row per entity type and operator (counts of the same
 * pair summed); an event without counts keeps one empty row, so it still counts
 * as a scan (and, when blocked, as a blocked request).
 */
export function piiRowsOf(e: PiiDetected): PiiRow[] {
  const t = e.tenant;
  const base = {
    eventId: e.eventId,
    atMs: Number(e.timestampMs),
    requestId: e.requestId,
    ...tenantIds(t),
    direction: e.direction,
    blocked: e.blocked,
  };
  const byPair = new Map<string, PiiRow>();
  for (const c of e.counts) {
    const key = `${c.entityType}\u0000${c.operator}`;
    const row = byPair.get(key);
    if (row) row.count += c.count;
    else byPair.set(key, { ...base, entityType: c.entityType, operator: c.operator, count: c.count });
  }
  return byPair.size ? [...byPair.values()] : [{ ...base, entityType: '', operator: '', count: 0 }];
}

/** A budget alert as `analytics.budget_alerts` keeps it (the history behind budget recommendations). */
export interface AlertRow extends TenantIds {
  alertId: string;
  atMs: number;
  kind: number;
  level: string;
  scopeId: string;
  period: string;
  periodStart: string;
  thresholdPercent: number;
  spendPico: bigint;
  limitPico: bigint;
  model: string;
  score: number;
}

export function alertRowOf(a: BudgetAlert): AlertRow {
  const t = a.tenant;
  return {
    alertId: a.alertId,
    atMs: Number(a.timestampMs),
    kind: a.kind,
    ...tenantIds(t),
    level: a.level,
    scopeId: a.scopeId,
    period: a.period,
    periodStart: a.periodStart,
    thresholdPercent: a.thresholdPercent,
    spendPico: a.spendPicoUsd,
    limitPico: a.limitPicoUsd,
    model: a.model,
    score: a.score,
  };
}
