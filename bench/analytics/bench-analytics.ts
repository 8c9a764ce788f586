/**
 * `npm run bench:analytics [-- --events 50000 --seed 1000000 --embedded-seed 1000000 --write]`:
 * ingestion through NATS into an analytics-service process (Postgres), ingestion
 * into embedded PGlite, 30-day reports over `--seed` events, and the dashboard's
 * Overview render time in Chromium. `--write` puts the figures under
 * `## Analytics` in docs/benchmarks.md. Not a test: nothing fails on a miss.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { writeSection } from '../pii/write-doc.js';
import { overviewRenderTime } from './dashboard-timing.js';
import { embeddedFigures } from './embedded-figures.js';
import { postgresWorld } from './postgres-world.js';
import { fmt } from './timing.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '1000000' },
    'embedded-seed': { type: 'string', default: '1000000' },
    write: { type: 'boolean', default: false },
  },
});
const events = Number(values.events);
const seed = Number(values.seed);
const embeddedSeed = Number(values['embedded-seed']);
const postgres = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const lines: string[] = [];
const say = (line: string) => (console.log(line), lines.push(`- ${line}`));

const world = await postgresWorld(postgres);
try {
  const ingest = await world.ingestThroughNats(events);
  say(`Ingestion, Postgres (durable JetStream consumer in an analytics-service process, batches of up to 2000, one INSERT … ON CONFLICT DO NOTHING with hourly and daily rollups per team and a daily rollup per key, per batch): ${events} events in ${(ingest.ms / 1000).toFixed(2)} s = ${ingest.rate.toFixed(0)} events/s. Target ≥ 5,000 events/s.`);
  const seeded = await world.seed(seed);
  say(`Seeding ${seed} events over 30 days straight into the store (no bus, batches of 1000): ${(seeded.ms / 1000).toFixed(1)} s = ${seeded.rate.toFixed(0)} events/s; ${seeded.rollupHours} hourly and ${seeded.rollupDays} daily rollup rows per team, ${seeded.rollupKeyDays} daily rows per key.`);
  const reports = await world.reports();
  for (const r of reports) say(`30-day report over ${seed} events, Postgres, \`${r.path}\` over HTTP: median ${fmt(r.median)}, max ${fmt(r.max)} (5 warm runs). Target ≤ 1 s.`);
  const overview = await overviewRenderTime(world.url, world.key);
  say(`Dashboard Overview, 30 days and ${seed} events (Postgres), warm, navigation until all ${overview.charts} charts rendered (Chromium headless): median ${fmt(overview.median)}, max ${fmt(overview.max)} (5 page loads). Target ≤ 3 s.`);
} finally {
  await world.close();
}

const embedded = await embeddedFigures(events, embeddedSeed);
say(`Ingestion, embedded PGlite (the same statement per batch of 2000, in-process, no bus): ${events} events in ${(embedded.ingestMs / 1000).toFixed(2)} s = ${embedded.ingestRate.toFixed(0)} events/s.`);
for (const r of embedded.reports) say(`30-day report over ${embeddedSeed} events, embedded PGlite, ${r.name} (use case, no HTTP): median ${fmt(r.median)}, max ${fmt(r.max)}. Target ≤ 1 s.`);

if (values.write) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; NATS (private nats-server) and Postgres on the same machine, loopback`;
  writeSection(
    'docs/benchmarks.md',
    '## Analytics',
    [
      `Machine: ${machine}. Command: \`npm run bench:analytics -- --events ${events} --seed ${seed} --embedded-seed ${embeddedSeed} --write\`. The bench, the servers, the service and Chromium share the machine's cores.`,
      '',
      ...lines,
      '',
      'Reports over whole UTC days read the daily rollup per team (one row per day, team, model, provider, status and error type; hourly for whole hours), so their cost grows with the number of teams and models, not with requests. Per-key and per-user reports over whole days read the daily rollup per key; ranges that are not whole hours, and per-key latency percentiles, read the request rows.',
    ].join('\n'),
  );
}
