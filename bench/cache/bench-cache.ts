/**
 * `npm run bench:cache -- --pairs <jsonl> [--sections quality,scale,load] [--sizes 10000,100000,1000000] [--write]`:
 * semantic-cache quality per embedder and threshold (built-in and a real local
 * model behind /v1/embeddings), the in-process index at scale, and the cache end
 * to end through the gateway. `--write` puts the figures under `## Cache` in
 * docs/benchmarks.md. Not a test: nothing fails on a miss.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { BuiltinEmbedder } from '@helix/cache';
import { writeSection } from '../pii/write-doc.js';
import { gatewayLoad, type LoadRow } from './gateway-load.js';
import { readPairs } from './pairs.js';
import { PrefetchedEmbedder } from './prefetched.embedder.js';
import { runPairs } from './quality.js';
import { assess, falseHits, FALSE_HIT_TARGET, perSource, sweepTable, verdictTable, type EmbedderQuality } from './quality-report.js';
import { startRealEmbedder } from './real-embedder.js';
import { localScale, redisScale, type LocalScale, type RedisScale } from './scale.js';

const { values } = parseArgs({
  options: {
    pairs: { type: 'string', default: '/work/shared/data/semantic-pairs.jsonl' },
    sections: { type: 'string', default: 'quality,scale,load' },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    'redis-sizes': { type: 'string', default: '10000,100000' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
    write: { type: 'boolean', default: false },
  },
});
const sections = new Set(values.sections!.split(','));
const out: string[] = [];
const say = (s = '') => {
  console.log(s);
  out.push(s);
};
const f = (x: number, d = 2) => x.toFixed(d);

say(`Date: ${new Date().toISOString().slice(0, 10)}. Command: \`npm run bench:cache -- --pairs ${values.pairs} --sections ${values.sections} --sizes ${values.sizes}${values.write ? ' --write' : ''}\`. Machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, shared with other work while it ran.`);

if (sections.has('quality')) await quality();
if (sections.has('scale')) scale();
if (sections.has('load')) await load();

if (values.write) writeSection('docs/benchmarks.md', '## Cache', out.join('\n'));

async function quality() {
  const pairs = readPairs(values.pairs!);
  const texts = pairs.flatMap((p) => [p.a, p.b]);
  say('\n### Semantic quality\n');
  say(`${pairs.length} labelled pairs (${pairs.filter((p) => p.duplicate).length} paraphrases, ${pairs.filter((p) => !p.duplicate).length} non-duplicates). Each pair gets its own namespace: \`a\` is stored through the store use case, \`b\` looked up through the lookup use case (threshold 0, so one pass gives the similarity and the verifier's verdict; thresholds are applied after). The default threshold is picked on the dev half (even ids) as the lowest whose false-hit rate with the verifier is ≤ ${100 * FALSE_HIT_TARGET}%, and reported on the held-out half (odd ids) and on all rows.`);
  const runs: EmbedderQuality[] = [];
  const builtin = new BuiltinEmbedder();
  runs.push(assess('built-in (word + character n-grams)', builtin.id, await runPairs(pairs, builtin)));
  const real = await startRealEmbedder();
  if ('skipped' in real) say(`\nreal model skipped: ${real.skipped}`);
  else {
    try {
      const pre = new PrefetchedEmbedder(real.embedder);
      const file = `bench/.venv-embed/vectors-${real.embedder.id.replace(/[^\w.-]/g, '_')}.json`;
      pre.load(file);
      await pre.prefetch(texts);
      pre.save(file);
      runs.push(assess(real.name, real.embedder.id, await runPairs(pairs, pre)));
    } finally {
      real.stop();
    }
  }
  say('\n| embedder | default threshold | paraphrase hits, held-out | false hits, held-out | paraphrase hits, all | false hits, all | precision, all |');
  say('|---|---|---|---|---|---|---|');
  for (const q of runs) say(`| ${q.name} | ${q.chosen.threshold} | ${f(100 * q.heldOut.hitRate, 1)}% | ${f(100 * q.heldOut.falseHitRate, 2)}% (${q.heldOut.falseHits}) | ${f(100 * q.all.hitRate, 1)}% | ${f(100 * q.all.falseHitRate, 2)}% (${q.all.falseHits}) | ${f(100 * q.all.precision, 1)}% |`);
  for (const q of runs) {
    say(`\n#### ${q.name} (\`${q.id}\`)\n`);
    say(sweepTable(q));
    say(`\nPer source at ${q.chosen.threshold}, verifier on:\n`);
    say(perSource(q));
    say(`\nVerdicts of the pairs at or above ${q.chosen.threshold}:\n`);
    say(verdictTable(q));
    const fh = falseHits(q);
    say(`\nFalse hits at ${q.chosen.threshold} (${fh.length}; ids of /work/shared/data/semantic-pairs.jsonl, whose QQP text stays out of this repo): ${fh.map((r) => `${r.pair.id} (${f(r.similarity, 3)})`).join(', ') || 'none'}`);
    for (const r of fh) console.log(`  ${r.pair.id} ${f(r.similarity, 3)} | ${r.pair.a} | ${r.pair.b}`);
  }
}

function scale() {
  say('\n### The in-process index at scale\n');
  say('One partition (the worst case: a FAQ bot with one system prompt), 384-d int8 vectors drawn around 2,000 topics, usearch HNSW (M 16, ef_add 32, ef_search 64). Each size runs in its own process: build, 2,000 lookups of a perturbed stored vector (k 4), snapshot write and load. Process memory is the RSS growth over the build after a GC.');
  say('\n| entries | build s | lookup p50 ms | lookup p99 ms | recall@1 | process bytes/entry | snapshot write s | snapshot load s |');
  say('|---|---|---|---|---|---|---|---|');
  const local = new Map<number, LocalScale>();
  for (const n of values.sizes!.split(',').map(Number)) {
    const r = localScale(n, n >= 1_000_000 ? 2_400 : 900);
    if (typeof r === 'string') say(`| ${n} | ${r} | | | | | | |`);
    else {
      local.set(n, r);
      say(`| ${n} | ${f(r.buildS, 1)} | ${f(r.p50Ms, 3)} | ${f(r.p99Ms, 3)} | ${f(r.recallAt1, 3)} | ${Math.round(r.rssBytesPerEntry)} | ${f(r.snapWriteS, 1)} | ${f(r.snapLoadS, 1)} |`);
    }
  }
  say('\nRedis side (a private redis-server): entries as the store use case writes them (300-character answer, 80-character question, int8 vector; entry string, LRU and expiry sets, meta hash) plus one index-stream event each (the stream is capped at 250,000 events, so past that its share per entry falls).');
  say('\n| entries | Redis bytes/entry | stream events | puts/s |');
  say('|---|---|---|---|');
  const redis = new Map<number, RedisScale>();
  for (const n of values['redis-sizes']!.split(',').map(Number)) {
    const r = redisScale(n, 1_200);
    if (typeof r === 'string') say(`| ${n} | ${r} | | |`);
    else {
      redis.set(n, r);
      say(`| ${n} | ${Math.round(r.redisBytesPerEntry)} | ${r.streamEvents} | ${Math.round(r.putsPerS)} |`);
    }
  }
  const big = local.get(1_000_000);
  const r = [...redis.values()].at(-1);
  if (big && r) {
    const streamShare = Math.min(250_000, 1_000_000) * 560;
    const redisBytes = (r.redisBytesPerEntry - 560) * 1_000_000 + streamShare;
    say(`\nAt 1M entries: process ${f((big.rssBytesPerEntry * 1e6) / 2 ** 30)} GiB (measured) + Redis ≈ ${f(redisBytes / 2 ** 30)} GiB (per-entry bytes of the largest Redis run less its stream event, plus a full 250,000-event stream at ~560 bytes) = ${f((big.rssBytesPerEntry * 1e6 + redisBytes) / 2 ** 30)} GiB; target ≤ 2 GiB. Lookup p99 ${f(big.p99Ms, 3)} ms; target ≤ 5 ms.`);
  }
}

async function load() {
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  say(`\n### End to end through the gateway\n`);
  say(`bench/gateway's mock upstream, targets and open-loop generator: ${rate} req/s for ${seconds} s after a 2 s warm-up, latency from the scheduled send time. The embedded default (standalone) with auth, rate limits and events on; budget and PII off. Hits: one prompt, so every request after the first is an exact hit; misses: a new prompt each request (each one stored after its response).`);
  const rows: LoadRow[] = await gatewayLoad(rate, seconds);
  const direct = rows[0]!.result.latency;
  say('\n| scenario | ok / sent | p50 ms | p99 ms | +p50 vs direct | +p99 vs direct |');
  say('|---|---|---|---|---|---|');
  for (const { scenario, result } of rows) say(`| ${scenario} | ${result.ok} / ${result.sent} | ${f(result.latency.p50)} | ${f(result.latency.p99)} | ${f(result.latency.p50 - direct.p50)} | ${f(result.latency.p99 - direct.p99)} |`);
  const off = rows.find((r) => r.scenario.includes('cache off'))!.result.latency;
  const miss = rows.find((r) => r.scenario.includes('miss'))!.result.latency;
  say(`\nMiss path against the gateway without the cache: +${f(miss.p50 - off.p50)} ms p50 (target ≤ 0.5 ms). Exact hit against the direct upstream: +${f(rows[1]!.result.latency.p99 - direct.p99)} ms p99 (target ≤ 2 ms).`);
}
