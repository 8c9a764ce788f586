import type { BudgetAlert, PiiDetected, RequestCompleted } from '@helix/contracts';
import { DAY_MS, dayStart, type Partitions } from '../db/partitions.js';
import type { PgRequestStore } from '../db/pg.request-store.js';
import type { PgSideStore } from '../db/pg.side-store.js';
import { requestRowOf, type RequestRow } from './request-row.js';
import { alertRowOf, piiRowsOf } from './side-rows.js';

/** Postgres: "no partition of relation … found for row" (a partition another replica dropped). */
const NO_PARTITION = '23514';

export interface IngestDeps {
  partitions: Partitions;
  requests: PgRequestStore;
  side: PgSideStore;
  /** Request rows older than this many days are not stored (their partitions are gone). */
  retentionDays: () => number;
  now?: () => number;
}

/** What one batch of request events did. */
export interface IngestResult {
  inserted: number;
  duplicates: number;
  /** Older than the retention window: acknowledged, not stored. */
  expired: number;
}

/**
 * Stores consumed events (at least once, in any order), idempotent by event id:
 * request rows with their hourly and daily rollups in one statement per batch,
 * PII detections and budget alerts in one insert each.
 */
export class IngestUseCase {
  constructor(private readonly deps: IngestDeps) {}

  async requests(events: readonly RequestCompleted[]): Promise<IngestResult> {
    const now = (this.deps.now ?? Date.now)();
    const cutoff = dayStart(now) - this.deps.retentionDays() * DAY_MS;
    const rows = unique(events.map(requestRowOf), (r) => r.eventId);
    const kept = rows.filter((r) => r.startedAtMs >= cutoff);
    const inserted = await this.insert(kept);
    return { inserted, duplicates: kept.length - inserted, expired: rows.length - kept.length };
  }

  async pii(events: readonly PiiDetected[]): Promise<void> {
    await this.deps.side.pii(unique(events, (e) => e.eventId).flatMap(piiRowsOf));
  }

  async alerts(events: readonly BudgetAlert[]): Promise<void> {
    await this.deps.side.alerts(unique(events, (e) => e.alertId).map(alertRowOf));
  }

  private async insert(rows: RequestRow[]): Promise<number> {
    const days = rows.map((r) => dayStart(r.startedAtMs));
    await this.deps.partitions.ensure(days);
    try {
      return (await this.deps.requests.insert(rows)).length;
    } catch (err) {
      if ((err as { code?: string }).code !== NO_PARTITION) throw err;
      this.deps.partitions.forget();
      await this.deps.partitions.ensure(days);
      return (await this.deps.requests.insert(rows)).length;
    }
  }
}

function unique<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
