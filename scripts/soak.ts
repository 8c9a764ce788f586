// `npm run soak`: the five services as separate processes on a private nats-server and
// redis-server and a fresh Postgres database, a mock upstream (50 ms), and a steady open-loop
// rate of chat requests (every step on: budget, PII, cache) for 10 minutes. VmRSS of every
// service is sampled from /proc/<pid>/status; after the warm-up, each service's RSS may grow
// by less than 10% (median of the first minute after warm-up against the median of the last
// minute). Writes the figures into docs/benchmarks.md (## Soak) and docs/reliability.md, and
// exits 1 when a service grew too much or a request failed.
//   --minutes 10  --warmup 2  --rate 40  --growth 10  --no-write
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openLoop } from '../bench/gateway/load/open-loop.js';
import { HttpTarget } from '../bench/gateway/load/http-target.js';
import { provisionKey } from '../test/e2e/support/admin-client.js';
import { distributedConfig, migrate } from '../test/e2e/support/distributed.js';
import { spawnHelix, type HelixApp, type HelixProcess } from '../test/e2e/support/helix-process.js';
import { spawnUpstream } from '../test/load/support/upstream-process.js';
import { startNats, startRedis } from '../test/support/servers.js';
import { growthOf, writeSoakFigures, type SoakFigures } from './soak.report.js';

const { values: args } = parseArgs({
  options: { minutes: { type: 'string', default: '10' }, warmup: { type: 'string', default: '2' }, rate: { type: 'string', default: '40' }, growth: { type: 'string', default: '10' }, 'no-write': { type: 'boolean', default: false } },
});
const MINUTES = Number(args.minutes);
const WARMUP_MIN = Number(args.warmup);
const RATE = Number(args.rate);
const MAX_GROWTH_PCT = Number(args.growth);
const SAMPLE_MS = 5_000;
const MASTER = `hx-master-${'s'.repeat(40)}`;
const ADMIN_DB = process.env.HELIX_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SERVICES: HelixApp[] = ['gateway', 'pii-service', 'cache-service', 'cost-service', 'analytics-service'];

const vmRssKb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: ADMIN_DB });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

/** A mix a team would send: new questions, repeats (cache hits) and prompts with personal data (redacted). */
const QUESTIONS = ['How do I rotate the staging database password?', 'Summarise the incident review for the payments outage.', 'Which runbook covers the failover drill?'];
function promptFor(): string {
  const r = Math.random();
  if (r < 0.3) return QUESTIONS[Math.floor(Math.random() * QUESTIONS.length)]!;
  if (r < 0.5) return `Mail ${randomBytes(3).toString('hex')}.ops@example.org about ticket ${randomBytes(4).toString('hex')}, or call +44 20 7946 0958.`;
  return `Draft a reply to ticket ${randomBytes(6).toString('hex')} about the quarterly report.`;
}

const upstream = await spawnUpstream({ latencyMs: 50 });
const nats = await startNats();
const redis = await startRedis();
const database = `helix_soak_${Date.now().toString(36)}`;
const dbUrl = Object.assign(new URL(ADMIN_DB), { pathname: `/${database}` }).toString();
const procs: Partial<Record<HelixApp, HelixProcess>> = {};
let exitCode = 1;
try {
  await adminQuery(`CREATE DATABASE ${database}`);
  migrate(dbUrl);
  const config = {
    ...distributedConfig({ natsUrl: nats.url, namespace: 'soak', redisUrl: redis.url, redisPrefix: 'soak:', databaseUrl: dbUrl, upstream: upstream.baseUrl }),
    pipeline: { budget: { enabled: true, timeoutMs: 2_000 }, pii: { enabled: true, timeoutMs: 2_000 }, cache: { enabled: true, timeoutMs: 1_000 } },
    cache: { semantic: { rules: [{ model: 'gpt-test', enabled: true }], index: 'local' } },
    cost: { prices: { overrides: [{ model: 'gpt-test', inputPerMTok: 2, outputPerMTok: 8 }] } },
  };
  const env = { HELIX_MASTER_KEY: MASTER, LOG_LEVEL: 'warn' };
  for (const app of SERVICES.slice(1)) procs[app] = await spawnHelix(app, { config, env });
  procs.gateway = await spawnHelix('gateway', { config, env });
  const member = await provisionKey(procs.gateway.url, MASTER);
  await fetch(`${procs.gateway.url}/admin/budgets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER}`, 'content-type': 'application/json' },
    body: JSON.stringify({ org_id: member.orgId, level: 'team', scope_id: member.teamId, period: 'monthly', amount_usd: '1000000' }),
  });
  const target = new HttpTarget(
    {
      origin: procs.gateway.url,
      path: '/v1/chat/completions',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${member.key}` },
      body: () => JSON.stringify({ model: 'gpt-test', max_tokens: 64, stream: Math.random() < 0.3, messages: [{ role: 'user', content: promptFor() }] }),
    },
    256,
    30_000,
  );
  const samples: { atS: number; rssKb: Record<string, number> }[] = [];
  const started = Date.now();
  const sample = () => samples.push({ atS: (Date.now() - started) / 1000, rssKb: Object.fromEntries(SERVICES.map((s) => [s, vmRssKb(procs[s]!.process.pid!)])) });
  sample();
  const sampler = setInterval(sample, SAMPLE_MS);
  const progress = setInterval(() => {
    const last = samples.at(-1)!;
    console.log(`[soak] ${Math.round(last.atS)} s  ${SERVICES.map((s) => `${s} ${Math.round(last.rssKb[s]! / 1024)} MB`).join('  ')}`);
  }, 60_000);
  console.log(`[soak] ${RATE} req/s for ${MINUTES} min, warm-up ${WARMUP_MIN} min, RSS of ${SERVICES.join(', ')} every ${SAMPLE_MS / 1000} s`);
  const load = await openLoop(target, RATE, MINUTES * 60);
  clearInterval(sampler);
  clearInterval(progress);
  sample();
  await target.close();
  const growth = growthOf(samples, SERVICES, WARMUP_MIN * 60, MINUTES * 60);
  const alive = SERVICES.every((s) => procs[s]!.process.exitCode === null);
  const ok = load.errors === 0 && alive && growth.every((g) => g.growthPct < MAX_GROWTH_PCT);
  const figures: SoakFigures = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run soak -- --minutes ${MINUTES} --warmup ${WARMUP_MIN} --rate ${RATE}`,
    minutes: MINUTES,
    warmupMin: WARMUP_MIN,
    rate: RATE,
    maxGrowthPct: MAX_GROWTH_PCT,
    sent: load.sent,
    ok: load.ok,
    statuses: load.statuses,
    latencyMs: load.latency,
    growth,
    passed: ok,
  };
  console.log(JSON.stringify(figures, null, 2));
  if (!args['no-write']) writeSoakFigures(figures);
  exitCode = ok ? 0 : 1;
} finally {
  for (const app of SERVICES) await procs[app]?.dispose().catch(() => undefined);
  await upstream.stop();
  await nats.dispose();
  await redis.dispose();
  await adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
}
process.exit(exitCode);
