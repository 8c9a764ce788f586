import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import { EVENTS_STREAM } from '@helix/contracts';
import { distributedConfig, migrate } from '../../../test/e2e/support/distributed.js';
import { startNats, startRedis } from '../../../test/support/servers.js';
import { GATEWAY_CORE, LOAD_CORE, type Target } from './target.js';
import { pin, startHelix, upstreamConfig } from './helix.js';

const ADMIN_DB = process.env.HELIX_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_DB });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function streamMessages(natsUrl: string, stream: string): Promise<number> {
  const nc = await connect({ servers: natsUrl });
  try {
    return (await (await jetstreamManager(nc)).streams.info(stream)).state.messages;
  } finally {
    await nc.close();
  }
}

/**
 * `apps/gateway` alone on real servers: a private nats-server (JetStream) and redis-server pinned to the
 * load core, and a fresh database on the machine's Postgres (migrated with `npm run migrate`'s command).
 * Events go through the on-disk outbox to JetStream; rate limits are Redis scripts.
 */
export async function helixDistributed(mockOrigin: string, profileDir?: string): Promise<Target> {
  const nats = await startNats();
  const redis = await startRedis();
  pin(nats.process.pid!, LOAD_CORE);
  pin(redis.process.pid!, LOAD_CORE);
  const database = `helix_bench_${Date.now().toString(36)}`;
  const url = new URL(ADMIN_DB);
  url.pathname = `/${database}`;
  const namespace = 'bench';
  const cleanup = async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await nats.dispose();
    await redis.dispose();
  };
  try {
    await adminQuery(`CREATE DATABASE ${database}`);
    migrate(url.toString());
    const base = distributedConfig({ natsUrl: nats.url, namespace, redisUrl: redis.url, redisPrefix: 'helix-bench:', databaseUrl: url.toString(), upstream: `${mockOrigin}/v1` });
    const helix = await startHelix(GATEWAY_CORE, 'Helix distributed', 'apps/gateway: outbox → JetStream (private nats-server), Redis rate limits (private redis-server), Postgres; servers on the load core', {
      app: 'gateway',
      config: { ...base, ...upstreamConfig(mockOrigin) },
      profileDir,
    });
    return {
      ...helix,
      afterRun: async (requests) =>
        `${await streamMessages(nats.url, `${EVENTS_STREAM}_${namespace}`)} events in the JetStream stream for ${requests} requests counted by the load generators (wrk leaves the up to 32 in flight when it stops uncounted)`,
      stop: async () => {
        await helix.stop();
        await cleanup();
      },
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
