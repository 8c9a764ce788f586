import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { analyticsMigrationSet, IngestUseCase, Partitions, PgRequestStore, PgSideStore, sqlDatabase } from '@helix/analytics';
import { createNatsBus, type NatsBus } from '@helix/bus';
import { EventSubjects, Role, RpcSubjects } from '@helix/contracts';
import { createDataSource, runMigrationSets } from '@helix/persistence';
import { sparePort, startNats } from '../../test/support/servers.js';
import { spawnTs, type TsChild } from '../../test/support/ts-child.js';
import { syntheticBatches } from './synthetic-events.js';
import { timeIt } from './timing.js';

const MAIN = fileURLToPath(new URL('../../apps/analytics-service/src/main.ts', import.meta.url));
const ROOT_CONFIG = fileURLToPath(new URL('../../config/helix.yaml', import.meta.url));
const DAY = 86_400_000;
const quiet = { warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The bench's Postgres world: a private nats-server, a fresh database on the
 * machine's Postgres, and one analytics-service process (distributed mode). The
 * bench plays the gateway's part on the bus: it publishes the events and answers
 * the key check for its analyst key.
 */
export async function postgresWorld(adminUrl: string) {
  const nats = await startNats();
  const dbName = `helix_bench_analytics_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  await runMigrationSets({ url: dbUrl.toString() }, [analyticsMigrationSet]);
  const ds = await createDataSource({ url: dbUrl.toString(), poolSize: 4 }, analyticsMigrationSet);
  const db = sqlDatabase(ds);
  const namespace = `benchan${Date.now()}`;
  const bus: NatsBus = await createNatsBus({ servers: nats.url, name: 'analytics-bench', namespace, logger: quiet });
  await bus.ensureStreams();
  const key = 'hx-bench-analyst';
  await bus.respond(RpcSubjects.identityVerify, async () => ({ valid: true, keyId: 'bench-key', userId: 'bench-user', teamId: 'team-0', orgId: 'bench-org', role: Role.ANALYST }), { queue: 'gateway' });
  const port = await sparePort();
  let child: TsChild | undefined;
  const count = async (org: string): Promise<number> => Number((await db.query('SELECT count(*)::int AS n FROM analytics.requests WHERE org_id = $1', [org]))[0].n);
  const tomorrow = Math.floor(Date.now() / DAY) * DAY + DAY;

  return {
    url: `http://127.0.0.1:${port}`,
    key,
    /** Publishes `n` events, then starts the service: time from its first stored row to the last. */
    async ingestThroughNats(n: number): Promise<{ ms: number; rate: number }> {
      const now = Date.now();
      for (const batch of syntheticBatches(n, now - 3_600_000, now, 500, 'bench-ingest')) {
        await Promise.all(batch.map((e) => bus.publish(EventSubjects.requestCompleted, e, { msgId: e.eventId })));
      }
      child = spawnTs(MAIN, [], {
        HELIX_MODE: 'distributed',
        HELIX_CONFIG: ROOT_CONFIG,
        NATS_URL: nats.url,
        DATABASE_URL: dbUrl.toString(),
        PORT: String(port),
        LOG_LEVEL: 'info',
        HELIX__HTTP__HOST: '127.0.0.1',
        HELIX__NATS__NAMESPACE: namespace,
      });
      await child.waitForLine(/analytics-service started/, 120_000);
      let first = 0;
      for (let rows = 0; rows < n; rows = await count('bench-ingest')) {
        if (!first && rows > 0) first = performance.now();
        await sleep(20);
      }
      const ms = performance.now() - (first || performance.now());
      return { ms, rate: (n / ms) * 1000 };
    },
    /** Stores `n` events of the last 30 days straight through the ingest use case. */
    async seed(n: number) {
      const ingest = new IngestUseCase({ partitions: new Partitions(db), requests: new PgRequestStore(db), side: new PgSideStore(db), retentionDays: () => 90 });
      const t = performance.now();
      for (const batch of syntheticBatches(n, tomorrow - 30 * DAY, Date.now(), 1_000)) await ingest.requests(batch);
      const ms = performance.now() - t;
      const [{ d }] = await db.query('SELECT count(*)::int AS d FROM analytics.rollup_day');
      const [{ k }] = await db.query('SELECT count(*)::int AS k FROM analytics.rollup_day_key');
      const [{ h }] = await db.query('SELECT count(*)::int AS h FROM analytics.rollup_hour');
      return { ms, rate: (n / ms) * 1000, rollupDays: d as number, rollupKeyDays: k as number, rollupHours: h as number };
    },
    /** The 30-day queries of the Overview and the Cost page, over HTTP. */
    async reports() {
      const range = `from=${new Date(tomorrow - 30 * DAY).toISOString()}&to=${new Date(tomorrow).toISOString()}`;
      const paths = [`summary?${range}`, `summary?${range}&interval=day`, `cost?${range}&interval=day&group_by=team`, `top/models?${range}`, `errors?${range}`];
      const out = [];
      for (const path of paths) {
        const t = await timeIt(5, async () => {
          const res = await fetch(`http://127.0.0.1:${port}/v1/analytics/${path}`, { headers: { authorization: `Bearer ${key}` } });
          if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        });
        out.push({ path: path.replace(range, 'from=…&to=…'), ...t });
      }
      return out;
    },
    async close() {
      await child?.kill('SIGTERM');
      await bus.close();
      await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      await nats.dispose();
    },
  };
}
