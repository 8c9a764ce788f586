import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createNatsBus, type Bus, type Delivery } from '@helix/bus';
import { EventSubjects, type RequestCompleted } from '@helix/contracts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Runs `npm run migrate`'s command (from dist) against a database. */
export function migrate(databaseUrl: string): void {
  const res = spawnSync(process.execPath, [resolve(ROOT, 'dist/apps/standalone/src/migrate.js')], {
    cwd: ROOT,
    env: { ...process.env, HELIX_MODE: 'distributed', DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (res.status !== 0) throw new Error(`migrate failed: ${res.stdout}\n${res.stderr}`);
}

/** The base config of a distributed process in a test: its own namespace, key prefix and database; the bus steps off until a test starts their services. */
export function distributedConfig(opts: { natsUrl: string; namespace: string; redisUrl: string; redisPrefix: string; databaseUrl: string; upstream: string }) {
  return {
    mode: 'distributed',
    nats: { url: opts.natsUrl, namespace: opts.namespace },
    redis: { url: opts.redisUrl, keyPrefix: opts.redisPrefix },
    database: { url: opts.databaseUrl, poolSize: 4 },
    pipeline: { budget: { enabled: false }, pii: { enabled: false }, cache: { enabled: false } },
    providers: [{ name: 'upstream', type: 'openai-compatible', baseUrl: opts.upstream }],
    models: [
      { name: 'gpt-test', deployments: [{ provider: 'upstream', model: 'mock-gpt' }] },
      { name: 'emb-test', kind: 'embeddings', deployments: [{ provider: 'upstream', model: 'mock-embedding' }] },
    ],
  };
}

/** Collects the request-completed events of a namespace with a durable consumer of its own. */
export async function collectEvents(natsUrl: string, namespace: string, durable = 'e2e-collector') {
  const bus: Bus = await createNatsBus({ servers: natsUrl, name: 'e2e-collector', namespace, connection: { waitOnFirstConnect: true } });
  await bus.ensureStreams();
  const seen: RequestCompleted[] = [];
  const consumer = await bus.consume({ durable, filter: EventSubjects.requestCompleted, maxWaitMs: 50 }, async (batch: Delivery<RequestCompleted>[]) => {
    for (const d of batch) seen.push(d.message);
  });
  return {
    seen,
    /** Event ids and how often each arrived. */
    counts: () => seen.reduce((m, e) => m.set(e.eventId, (m.get(e.eventId) ?? 0) + 1), new Map<string, number>()),
    async close() {
      await consumer.stop();
      await bus.close();
    },
  };
}
