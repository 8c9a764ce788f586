import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyticsMigrationSet, IngestUseCase, Partitions, PgRequestStore, PgSideStore, SeriesUseCase, sqlDatabase } from '@helix/analytics';
import { createDataSource, EmbeddedPostgres, runMigrationSets } from '@helix/persistence';
import { syntheticBatches } from './synthetic-events.js';
import { timeIt } from './timing.js';

const DAY = 86_400_000;

/** Ingestion rate and 30-day report times on embedded PGlite (the `npm start` default), in-process. */
export async function embeddedFigures(events: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'helix-bench-pglite-'));
  const pg = await EmbeddedPostgres.start({ dataDir: dir });
  try {
    await runMigrationSets({ url: pg.url }, [analyticsMigrationSet]);
    const ds = await createDataSource({ url: pg.url, poolSize: 1 }, analyticsMigrationSet);
    const db = sqlDatabase(ds);
    const ingest = new IngestUseCase({ partitions: new Partitions(db), requests: new PgRequestStore(db), side: new PgSideStore(db), retentionDays: () => 90 });
    const now = Date.now();
    let t = performance.now();
    for (const batch of syntheticBatches(events, now - 3_600_000, now, 2_000, 'bench-ingest')) await ingest.requests(batch);
    const ingestMs = performance.now() - t;
    const tomorrow = Math.floor(now / DAY) * DAY + DAY;
    t = performance.now();
    for (const batch of syntheticBatches(seed, tomorrow - 30 * DAY, now, 1_000)) await ingest.requests(batch);
    console.log(`embedded: seeded ${seed} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const series = new SeriesUseCase(db);
    const q = { fromMs: tomorrow - 30 * DAY, toMs: tomorrow, groupBy: [], filters: {}, limit: 10_000 };
    const scope = { orgId: 'bench-org' };
    const reports = [
      { name: 'summary (every metric, totals)', ...(await timeIt(5, () => series.execute(q, scope, ['requests', 'cost_usd', 'saved_usd', 'hit_rate', 'latency_p95_ms', 'error_rate']))) },
      { name: 'daily series of every metric', ...(await timeIt(5, () => series.execute({ ...q, interval: 'day' }, scope, ['requests', 'cost_usd', 'saved_usd', 'hit_rate', 'latency_p95_ms', 'error_rate']))) },
      { name: 'spend per day and team', ...(await timeIt(5, () => series.execute({ ...q, interval: 'day', groupBy: ['team'] }, scope, ['cost_usd', 'requests']))) },
    ];
    await ds.destroy();
    return { ingestMs, ingestRate: (events / ingestMs) * 1000, reports };
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
