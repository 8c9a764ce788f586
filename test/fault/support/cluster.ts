import pg from 'pg';
import { admin, provisionKey, type ProvisionedKey } from '../../e2e/support/admin-client.js';
import { distributedConfig, migrate } from '../../e2e/support/distributed.js';
import { merge, spawnHelix, type HelixApp, type HelixProcess } from '../../e2e/support/helix-process.js';
import { uniqueName } from '../../support/infra.js';
import { startNats, startPostgres, startRedis, type PrivateServer } from '../../support/servers.js';
import { startMockProcess, type MockProcess } from './mock-process.js';

export type BackendApp = Exclude<HelixApp, 'standalone' | 'gateway'>;
export const BACKENDS: BackendApp[] = ['pii-service', 'cache-service', 'cost-service', 'analytics-service'];

export const MASTER = `hx-master-${'f'.repeat(40)}`;

/** A start (or restart) may take long on a loaded 2-core machine while the load runs. */
const READY_MS = 120_000;

/** $3 / $15 per million tokens for every model of the suite, so each answer costs something. */
const PRICES = ['gpt-test', 'gpt-backup', 'mock-gpt'].map((model) => ({ model, inputPerMTok: 3, outputPerMTok: 15 }));

export interface ClusterOptions {
  /** Replicas of each backend service and of the gateway. Default 1. */
  replicas?: number;
  /** Extra config merged over the suite's (e.g. `http.shutdownGraceMs`). */
  config?: Record<string, unknown>;
  /** Default chunk delay of the primary upstream's streams. */
  chunkDelayMs?: number;
}

/**
 * The whole distributed Helix on private servers: NATS (JetStream), Redis (append-only file) and Postgres
 * on spare loopback ports, migrated; the gateway and the pii-, cache-, cost- and analytics-service as
 * separate processes from dist/, with the budget, pii and cache steps on (budget and PII fail closed, the
 * cache fails open); a primary and a backup mock upstream (processes too), `gpt-test` falling back to `gpt-backup`.
 */
export class Cluster {
  readonly gateways: HelixProcess[] = [];
  readonly backends = new Map<BackendApp, HelixProcess[]>();
  config!: Record<string, unknown>;
  private pool!: pg.Pool;

  private constructor(
    readonly nats: PrivateServer,
    readonly redis: PrivateServer,
    readonly postgres: PrivateServer,
    readonly primary: MockProcess,
    readonly backup: MockProcess,
  ) {}

  static async start(opts: ClusterOptions = {}): Promise<Cluster> {
    const [nats, redis, postgres, primary, backup] = await Promise.all([
      startNats(),
      startRedis({ persist: true }),
      startPostgres(),
      startMockProcess({ chunkDelayMs: opts.chunkDelayMs ?? 5 }),
      startMockProcess({ chunkDelayMs: opts.chunkDelayMs ?? 5 }),
    ]);
    const cluster = new Cluster(nats, redis, postgres, primary, backup);
    try {
      await cluster.boot(opts);
    } catch (err) {
      await cluster.dispose();
      throw err;
    }
    return cluster;
  }

  private async boot(opts: ClusterOptions): Promise<void> {
    await waitForPostgres(this.postgres.url);
    migrate(this.postgres.url);
    this.pool = new pg.Pool({ connectionString: this.postgres.url, max: 2 });
    this.pool.on('error', () => undefined);
    const base = distributedConfig({
      natsUrl: this.nats.url,
      namespace: uniqueName('fault'),
      redisUrl: this.redis.url,
      redisPrefix: 'fault:',
      databaseUrl: this.postgres.url,
      upstream: this.primary.baseUrl,
    });
    this.config = merge(base, {
      log: { level: 'warn' },
      pipeline: { budget: { enabled: true, timeoutMs: 5_000 }, pii: { enabled: true, timeoutMs: 5_000 }, cache: { enabled: true, timeoutMs: 1_000 } },
      providers: [...base.providers, { name: 'backup', type: 'openai-compatible', baseUrl: this.backup.baseUrl }],
      models: [
        {
          name: 'gpt-test',
          deployments: [{ provider: 'upstream', model: 'mock-gpt', timeoutMs: 1_000 }],
          fallbacks: ['gpt-backup'],
          routing: { retry: { retries: 1, baseBackoffMs: 50, maxBackoffMs: 200, maxRetryAfterMs: 1_000 }, breaker: { failures: 5, cooldownMs: 1_000, maxCooldownMs: 2_000 } },
        },
        { name: 'gpt-backup', deployments: [{ provider: 'backup', model: 'mock-gpt', timeoutMs: 5_000 }] },
      ],
      cost: { prices: { overrides: PRICES }, budgetCacheMs: 0 },
      ...opts.config,
    });
    for (const app of BACKENDS) this.backends.set(app, []);
    const replicas = opts.replicas ?? 1;
    for (let i = 0; i < replicas; i++) await Promise.all(BACKENDS.map((app) => this.addBackend(app)));
    for (let i = 0; i < replicas; i++) await this.addGateway();
  }

  async addBackend(app: BackendApp): Promise<HelixProcess> {
    const p = await spawnHelix(app, { config: this.config, readyTimeoutMs: READY_MS });
    this.backends.get(app)!.push(p);
    return p;
  }

  async addGateway(): Promise<HelixProcess> {
    const p = await spawnHelix('gateway', { config: this.config, env: { HELIX_MASTER_KEY: MASTER }, readyTimeoutMs: READY_MS });
    this.gateways.push(p);
    return p;
  }

  get gateway(): HelixProcess {
    return this.gateways[0]!;
  }

  backend(app: BackendApp, i = 0): HelixProcess {
    return this.backends.get(app)![i]!;
  }

  /** A fresh org with two teams: `load` (no budget) and `capped` (a team budget whose hard limit the load reaches). */
  async tenants(hardLimitUsd: string): Promise<{ load: ProvisionedKey; capped: ProvisionedKey; budgetId: string }> {
    const load = await provisionKey(this.gateway.url, MASTER);
    const capped = await provisionKey(this.gateway.url, MASTER, { orgId: load.orgId });
    const budget = await admin<{ id: string }>(this.gateway.url, MASTER, 'POST', '/admin/budgets', {
      org_id: load.orgId,
      level: 'team',
      scope_id: capped.teamId,
      period: 'total',
      amount_usd: hardLimitUsd,
      hard_limit_usd: hardLimitUsd,
    });
    return { load, capped, budgetId: budget.id };
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.pool.query(sql, params).then((r) => r.rows as T[]);
  }

  async dispose(): Promise<void> {
    await Promise.allSettled(this.gateways.map((g) => g.dispose()));
    await Promise.allSettled([...this.backends.values()].flat().map((p) => p.dispose()));
    await this.pool?.end().catch(() => undefined);
    await Promise.allSettled([this.primary.close(), this.backup.close()]);
    await Promise.allSettled([this.nats.dispose(), this.redis.dispose(), this.postgres.dispose()]);
  }
}

async function waitForPostgres(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      return;
    } catch (err) {
      await c.end().catch(() => undefined);
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
