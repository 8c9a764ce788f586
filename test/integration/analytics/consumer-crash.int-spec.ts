import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNatsBus, type NatsBus } from '@helix/bus';
import { EventSubjects } from '@helix/contracts';
import { testNatsUrl, uniqueName } from '../../support/infra.js';
import { spawnTs, type TsChild } from '../../support/ts-child.js';
import { until } from '../../support/wait.js';
import { analyticsDb, completed } from './support/analytics-db.js';

const MAIN = fileURLToPath(new URL('../../../apps/analytics-service/src/main.ts', import.meta.url));
const EVENTS = 4_000;
const quiet = { warn: () => undefined, error: () => undefined };

describe('analytics consumer: a killed instance loses nothing and counts nothing twice', () => {
  let db: Awaited<ReturnType<typeof analyticsDb>>;
  let bus: NatsBus;
  const children: TsChild[] = [];
  const namespace = uniqueName('anc');
  const instance = async () => {
    const child = spawnTs(MAIN, [], {
      HELIX_MODE: 'distributed',
      HELIX_CONFIG: fileURLToPath(new URL('../../../config/helix.yaml', import.meta.url)),
      NATS_URL: testNatsUrl(),
      DATABASE_URL: db.url,
      PORT: '0',
      LOG_LEVEL: 'info',
      HELIX__HTTP__HOST: '127.0.0.1',
      HELIX__NATS__NAMESPACE: namespace,
    });
    children.push(child);
    await child.waitForLine(/analytics-service started/, 60_000);
    return child;
  };

  beforeAll(async () => {
    db = await analyticsDb();
    bus = await createNatsBus({ servers: testNatsUrl(), name: 'analytics-crash-test', namespace, logger: quiet });
    await bus.ensureStreams();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill()));
    await bus?.deleteStreamForTests();
    await bus?.close();
    await db?.close();
  });

  it('SIGKILL mid-stream, then another instance: every event once, rollups equal to the rows', async () => {
    const now = Date.now();
    const events = Array.from({ length: EVENTS }, (_, i) => completed({ at: now - i * 1_000, org: 'org-crash', costPico: BigInt(1_000 + (i % 17)), output: i % 50 }));
    for (let i = 0; i < EVENTS; i += 500) await Promise.all(events.slice(i, i + 500).map((e) => bus.publish(EventSubjects.requestCompleted, e, { msgId: e.eventId })));

    const victim = await instance();
    await until(async () => (await db.count()) >= 500, 'the first batches', 60_000);
    await victim.kill('SIGKILL');
    const atKill = await db.count();
    expect(atKill).toBeLessThan(EVENTS);

    await instance();
    await until(async () => (await db.count()) === EVENTS, 'every event after the restart', 90_000);
    const cost = events.reduce((s, e) => s + e.costPicoUsd, 0n).toString();
    for (const table of ['rollup_hour', 'rollup_day', 'rollup_day_key']) {
      const [r] = await db.sql.query(`SELECT sum(requests)::int AS n, sum(cost_pico)::text AS cost FROM analytics.${table} WHERE org_id = 'org-crash'`);
      expect(r, table).toEqual({ n: EVENTS, cost });
    }
  }, 240_000);
});
