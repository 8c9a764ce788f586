import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, MaintenanceJob, partitionName } from '@helix/analytics';
import { analyticsDb, completed } from './support/analytics-db.js';

const NOW = Date.parse('2030-03-15T12:00:00Z');

describe('analytics ingestion on real Postgres', () => {
  let db: Awaited<ReturnType<typeof analyticsDb>>;
  beforeAll(async () => {
    db = await analyticsDb({ retentionDays: 30, now: () => NOW });
  });
  afterAll(() => db?.close());

  it('stores each event once, however often and in whatever batches it comes, and the rollups agree', async () => {
    const events = Array.from({ length: 300 }, (_, i) => completed({ at: NOW - i * 60_000, org: 'org-idem', costPico: BigInt(1_000 + i), output: i }));
    const first = await db.ingest.requests(events.slice(0, 200));
    expect(first).toEqual({ inserted: 200, duplicates: 0, expired: 0 });
    const again = await db.ingest.requests([...events.slice(100, 300), ...events.slice(150, 160)]);
    expect(again).toEqual({ inserted: 100, duplicates: 100, expired: 0 });
    expect(await db.ingest.requests(events)).toEqual({ inserted: 0, duplicates: 300, expired: 0 });

    expect(await db.count('analytics.requests', 'org_id = $1', ['org-idem'])).toBe(300);
    const cost = events.reduce((s, e) => s + e.costPicoUsd, 0n).toString();
    for (const table of ['rollup_hour', 'rollup_day', 'rollup_day_key']) {
      const [r] = await db.sql.query(`SELECT sum(requests)::int AS n, sum(cost_pico)::text AS cost, sum(output_tokens)::int AS out FROM analytics.${table} WHERE org_id = $1`, ['org-idem']);
      expect(r).toEqual({ n: 300, cost, out: (299 * 300) / 2 });
    }
  });

  it('makes a partition per UTC day on demand, skips what is older than the retention, and drops old days whole', async () => {
    const day = (n: number) => Math.floor(NOW / DAY_MS) * DAY_MS - n * DAY_MS;
    const result = await db.ingest.requests([
      completed({ at: day(40) + 5_000, org: 'org-ret' }),
      completed({ at: day(20) + 5_000, org: 'org-ret' }),
      completed({ at: day(10) + 5_000, org: 'org-ret' }),
      completed({ at: day(0) + 5_000, org: 'org-ret' }),
    ]);
    expect(result).toEqual({ inserted: 3, duplicates: 0, expired: 1 });
    const days = await db.partitions.list();
    expect(days).toEqual(expect.arrayContaining([day(20), day(10), day(0)]));
    expect(days).not.toContain(day(40));
    const [{ n: direct }] = await db.sql.query(`SELECT count(*)::int AS n FROM analytics.${partitionName(day(20))}`);
    expect(direct).toBe(1);

    const job = new MaintenanceJob(db.sql, db.partitions, () => ({ retentionDays: 15, rollupRetentionDays: 15, partitionDaysAhead: 3 }));
    const done = await job.run(NOW);
    expect(done.droppedDays).toEqual([day(20)]);
    const after = await db.partitions.list();
    expect(after).not.toContain(day(20));
    expect(after).toEqual(expect.arrayContaining([day(10), day(0), day(-1), day(-2), day(-3)]));
    expect(await db.count('analytics.requests', 'org_id = $1', ['org-ret'])).toBe(2);
    expect(await db.count('analytics.rollup_hour', 'org_id = $1 AND bucket < $2', ['org-ret', new Date(day(15)).toISOString()])).toBe(0);
    expect(await db.count('analytics.rollup_day', 'org_id = $1', ['org-ret'])).toBe(3);
  });

  it('recreates a partition another replica dropped, when an event still needs it', async () => {
    const at = NOW - 2 * DAY_MS;
    await db.ingest.requests([completed({ at, org: 'org-race' })]);
    await db.sql.query(`DROP TABLE analytics.${partitionName(Math.floor(at / DAY_MS) * DAY_MS)}`);
    expect(await db.ingest.requests([completed({ at: at + 1_000, org: 'org-race' })])).toMatchObject({ inserted: 1 });
  });
});
