import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createNatsBus, type NatsBus } from '@helix/bus';
import { AdminOp, RpcSubjects, uuidv7 } from '@helix/contracts';
import { costMigrationSet } from '@helix/cost';
import { runMigrationSets } from '@helix/persistence';
import { startNats, type PrivateServer } from '../../test/support/servers.js';
import { spawnTs, type TsChild } from '../../test/support/ts-child.js';

const MAIN = fileURLToPath(new URL('../../apps/cost-service/src/main.ts', import.meta.url));
const ROOT_CONFIG = fileURLToPath(new URL('../../config/helix.yaml', import.meta.url));

/**
 * The bench's world: a private nats-server (JetStream, 8 MB payloads), a fresh
 * database on the machine's Postgres, a key prefix on its Redis, and real
 * cost-service processes in distributed mode.
 */
export async function benchWorld(urls: { postgres: string; redis: string }) {
  const nats: PrivateServer = await startNats();
  const dbName = `helix_bench_cost_${Date.now()}`;
  const admin = new pg.Client({ connectionString: urls.postgres });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(urls.postgres);
  dbUrl.pathname = `/${dbName}`;
  await runMigrationSets({ url: dbUrl.toString() }, [costMigrationSet]);
  const sql = new pg.Client({ connectionString: dbUrl.toString() });
  await sql.connect();
  const prefix = `helixbench${Date.now()}:`;
  const namespace = `bench${Date.now()}`;
  const buses: NatsBus[] = [];
  const children: TsChild[] = [];
  return {
    sql,
    prefix,
    async instance(): Promise<TsChild> {
      const child = spawnTs(MAIN, [], {
        HELIX_MODE: 'distributed',
        HELIX_CONFIG: ROOT_CONFIG,
        NATS_URL: nats.url,
        REDIS_URL: urls.redis,
        DATABASE_URL: dbUrl.toString(),
        PORT: '0',
        LOG_LEVEL: 'info',
        HELIX__HTTP__HOST: '127.0.0.1',
        HELIX__NATS__NAMESPACE: namespace,
        HELIX__REDIS__KEYPREFIX: prefix,
        HELIX__COST__PRICES__OVERRIDES: '[{model: bench-model, inputPerMTok: 1, outputPerMTok: 2}]',
      });
      children.push(child);
      await child.waitForLine(/cost-service started/, 60_000);
      return child;
    },
    async client(): Promise<NatsBus> {
      const bus = await createNatsBus({ servers: nats.url, name: 'cost-bench', namespace, logger: { warn: () => undefined, error: () => undefined } });
      await bus.ensureStreams();
      buses.push(bus);
      return bus;
    },
    async budgets(bus: NatsBus, tenant: { orgId: string; teamId: string }) {
      const big = 10n ** 17n;
      for (const [level, scopeId] of [['org', tenant.orgId], ['team', tenant.teamId]] as const) {
        await bus.request(RpcSubjects.costBudgets, { op: AdminOp.CREATE, scope: { orgId: tenant.orgId }, budget: { orgId: tenant.orgId, level, scopeId, period: 'monthly', amountPicoUsd: big, hardLimitPicoUsd: big } }, { timeoutMs: 5_000 });
      }
    },
    async ledgerRows(): Promise<number> {
      const { rows } = await sql.query('SELECT count(*)::int AS n FROM cost.ledger');
      return rows[0].n;
    },
    async close() {
      await Promise.all(children.map((c) => c.kill('SIGTERM')));
      await Promise.all(buses.map((b) => b.close()));
      await sql.end();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
      await nats.dispose();
    },
  };
}

export const tenant = () => ({ orgId: uuidv7(), teamId: uuidv7(), userId: uuidv7(), keyId: uuidv7() });
