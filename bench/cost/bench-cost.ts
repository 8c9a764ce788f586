/**
 * `npm run bench:cost [-- --rate 1000 --seconds 10 --events 50000 --write]`: the
 * reserve round trip over NATS (p50/p99 at a fixed open-loop rate; target ≤ 1 ms
 * p99) and ledger ingestion throughput (target ≥ 5,000 events/s), against a real
 * cost-service process on NATS, Redis and Postgres. `--write` puts the figures
 * under `## Cost` in docs/benchmarks.md. Not a test: nothing fails on a miss.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { create } from '@bufbuild/protobuf';
import { Redis } from 'ioredis';
import { EventSubjects, RequestCompletedSchema, RequestOutcome, RpcSubjects, uuidv7 } from '@helix/contracts';
import { writeSection } from '../pii/write-doc.js';
import { benchWorld, tenant } from './cost-world.js';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '10' }, events: { type: 'string', default: '50000' }, write: { type: 'boolean', default: false } } });
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const events = Number(values.events);
const urls = {
  postgres: process.env.HELIX_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redis: process.env.HELIX_TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/** What the figures mean on a shared machine; written under them. */
const NOTE =
  'The reserve p99 misses the 1 ms target on this machine, where even an empty NATS request has a p99 of several ms (the floor line): two cores shared by the bench, nats-server, Redis, Postgres and the service. Sequentially, the Redis script alone takes about 0.14 ms (p50) and an empty NATS round trip about 0.22 ms; the rest of the p50 is the Nest transport and the use case.';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends `rate` calls a second for `seconds`, whatever the answers do (open loop), and sums up their round trips. */
async function openLoop(call: () => Promise<unknown>, perSecond: number, forSeconds: number) {
  const rtts: number[] = [];
  const total = perSecond * forSeconds;
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * perSecond));
    for (; sent < due; sent++) {
      const t0 = performance.now();
      inflight.push(call().then(() => void rtts.push(performance.now() - t0)));
    }
    await sleep(1);
  }
  await Promise.all(inflight);
  const achieved = total / ((performance.now() - started) / 1000);
  rtts.sort((a, b) => a - b);
  const summary = `p50 ${pct(rtts, 50).toFixed(3)} ms, p90 ${pct(rtts, 90).toFixed(3)} ms, p99 ${pct(rtts, 99).toFixed(3)} ms, max ${rtts.at(-1)!.toFixed(3)} ms`;
  return { total, achieved, summary };
}

const world = await benchWorld(urls);
try {
  const service = await world.instance();
  const bus = await world.client();
  const who = tenant();
  await world.budgets(bus, who);
  const reserve = () => bus.request(RpcSubjects.costReserve, { reservationId: uuidv7(), tenant: who, model: 'bench-model', promptTokens: 500, maxTokens: 256 }, { timeoutMs: 5_000 });
  for (let i = 0; i < 1_000; i++) await reserve();

  const r = await openLoop(reserve, rate, seconds);
  const reserveLine = `Reserve round trip over NATS (gateway → cost-service → Redis Lua on 2 budget levels → reply), open loop at ${rate} req/s for ${seconds} s (${r.total} reservations, achieved ${r.achieved.toFixed(0)} req/s): ${r.summary}. Target p99 ≤ 1 ms.`;
  console.log(reserveLine);
  await bus.respond(RpcSubjects.identityVerify, async () => ({ valid: true }), { queue: 'bench-echo' });
  const floor = await openLoop(() => bus.request(RpcSubjects.identityVerify, {}, { timeoutMs: 5_000 }), rate, Math.min(seconds, 3));
  const floorLine = `Floor on the same machine in the same run: a NATS request to an empty responder at ${rate} req/s: ${floor.summary}.`;
  console.log(floorLine);

  await service.kill('SIGTERM');
  const batch = 1_000;
  for (let i = 0; i < events; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, events - i) }, () => {
        const id = uuidv7();
        const now = BigInt(Date.now());
        const e = create(RequestCompletedSchema, {
          eventId: id, correlationId: id, startedAtMs: now, completedAtMs: now, tenant: who, endpoint: 'chat.completions', outcome: RequestOutcome.SUCCESS,
          httpStatus: 200, requestedModel: 'bench-model', servedModel: 'bench-model', provider: 'mock', deployment: 'mock/bench-model',
          usage: { inputTokens: 500, outputTokens: 200 }, costPicoUsd: 900_000_000n, priceVersion: 'config:bench-model@always',
        });
        return bus.publish(EventSubjects.requestCompleted, e, { msgId: id });
      }),
    );
  }
  const before = await world.ledgerRows();
  await world.instance();
  let first = 0;
  let rows = before;
  while (rows < before + events) {
    await sleep(50);
    rows = await world.ledgerRows();
    if (!first && rows > before) first = performance.now();
  }
  const ingestS = (performance.now() - first) / 1000;
  const ingestLine = `Ledger ingestion (durable JetStream consumer, batches of 500: Redis settlement of 2 budget counters per event, then one INSERT … ON CONFLICT DO NOTHING with daily and hourly rollups per batch): ${events} events in ${ingestS.toFixed(2)} s = ${(events / ingestS).toFixed(0)} events/s. Target ≥ 5,000 events/s.`;
  console.log(ingestLine);

  const redis = new Redis(urls.redis);
  const keys = await redis.keys(`${world.prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();

  if (values.write) {
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; NATS (private nats-server), Redis and Postgres on the same machine, loopback`;
    writeSection(
      'docs/benchmarks.md',
      '## Cost',
      [`Machine: ${machine}. Command: \`npm run bench:cost -- --rate ${rate} --seconds ${seconds} --events ${events} --write\`. One cost-service process (distributed mode); the bench and the servers share the machine's cores.`, '', `- ${reserveLine}`, `- ${floorLine}`, `- ${ingestLine}`, '', NOTE].join('\n'),
    );
  }
} finally {
  await world.close();
}
