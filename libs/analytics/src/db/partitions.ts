import type { SqlDatabase } from './sql.js';

export const DAY_MS = 86_400_000;
/** Key of the transaction-level advisory lock held while partitions are made or dropped ("HXAN"). */
const PARTITION_LOCK_KEY = 0x4858414e;
const NAME = /^requests_(\d{4})(\d{2})(\d{2})$/;

export const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
const isoDay = (dayMs: number): string => new Date(dayMs).toISOString().slice(0, 10);

/** `requests_YYYYMMDD`: the partition of `analytics.requests` holding one UTC day. */
export const partitionName = (dayMs: number): string => `requests_${isoDay(dayMs).replaceAll('-', '')}`;

/**
 * The daily partitions of `analytics.requests`. Made on demand before a batch
 * that needs them (and ahead of time by the maintenance job), dropped whole by
 * retention. Both under one advisory lock, so replicas never race on DDL.
 */
export class Partitions {
  private readonly known = new Set<number>();

  constructor(private readonly db: SqlDatabase) {}

  /** Makes the partitions of these days (UTC day starts) that do not exist yet. */
  async ensure(days: Iterable<number>): Promise<void> {
    const missing = [...new Set(days)].filter((d) => !this.known.has(d)).sort((a, b) => a - b);
    if (!missing.length) return;
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK_KEY]);
      for (const day of missing) {
        await tx.query(
          `CREATE TABLE IF NOT EXISTS analytics.${partitionName(day)} PARTITION OF analytics.requests FOR VALUES FROM ('${new Date(day).toISOString()}') TO ('${new Date(day + DAY_MS).toISOString()}')`,
        );
      }
    });
    for (const day of missing) this.known.add(day);
  }

  /** Forget what exists (another replica may have dropped some). */
  forget(): void {
    this.known.clear();
  }

  /** The days that have a partition, oldest first. */
  async list(): Promise<number[]> {
    const rows: { name: string }[] = await this.db.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = 'analytics' AND p.relname = 'requests'`,
    );
    return rows
      .map((r) => NAME.exec(r.name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
      .sort((a, b) => a - b);
  }

  /** Drops every partition of a day before `cutoffDayMs`; returns the days dropped. */
  async dropBefore(cutoffDayMs: number): Promise<number[]> {
    const old = (await this.list()).filter((d) => d < cutoffDayMs);
    if (!old.length) return [];
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK_KEY]);
      for (const day of old) await tx.query(`DROP TABLE IF EXISTS analytics.${partitionName(day)}`);
    });
    for (const day of old) this.known.delete(day);
    return old;
  }
}
