/**
 * One size of the scale bench, in its own process so memory figures are its
 * own: builds the local index (one partition, 384-d int8 vectors around 2,000
 * topics), then times lookups, a snapshot write and a snapshot load.
 * Prints one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HNSW, LocalIndex, quantize, readSnapshot, writeSnapshot } from '@helix/cache';


const size = Number(process.argv[2]);
const DIMS = 384;
const TOPICS = 2_000;
const QUERIES = 2_000;
const CHUNK = 10_000;

let seed = 42;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
const topics = Array.from({ length: TOPICS }, () => Float32Array.from({ length: DIMS }, rand));
const vectorOf = (i: number) => {
  const t = topics[i % TOPICS]!;
  return quantize(Float32Array.from(t, (x) => x + 0.6 * rand()));
};

const gc = () => (globalThis as { gc?: () => void }).gc?.();
gc();
const before = process.memoryUsage().rss;
const index = new LocalIndex(DIMS, 512);
const samples: { key: string; v: Int8Array }[] = [];
const t0 = performance.now();
for (let start = 0; start < size; start += CHUNK) {
  const n = Math.min(CHUNK, size - start);
  const block = new Int8Array(n * DIMS);
  const refs = [];
  for (let i = 0; i < n; i++) {
    const v = vectorOf(start + i);
    block.set(v, i * DIMS);
    const key = (start + i).toString(16).padStart(64, '0');
    refs.push({ scope: '0123456789abcdef', key });
    if ((start + i) % Math.ceil(size / QUERIES) === 0) samples.push({ key, v });
  }
  index.bulkUpsert('p', refs, block);
}
const buildS = (performance.now() - t0) / 1000;
gc();
const rssBytes = process.memoryUsage().rss - before;

const lat: number[] = [];
const cpu: number[] = [];
let found = 0;
for (const s of samples) {
  const q = Int8Array.from(s.v, (x) => Math.max(-127, Math.min(127, x + Math.round(rand() * 6))));
  const c = process.cpuUsage();
  const t = performance.now();
  const hits = index.search('p', q, 4, 0);
  lat.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  if (hits[0]?.key === s.key) found++;
}
const pctOf = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const pct = (p: number) => pctOf(lat, p);

const dir = join(mkdtempSync(join(tmpdir(), 'helix-scale-')), 'snap');
let t = performance.now();
writeSnapshot(dir, index, '1-0');
const snapWriteS = (performance.now() - t) / 1000;
t = performance.now();
const loaded = readSnapshot(dir, DIMS, 512, DEFAULT_HNSW);
const snapLoadS = (performance.now() - t) / 1000;
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ size, buildS, rssBytesPerEntry: rssBytes / size, p50Ms: pct(50), p99Ms: pct(99), cpuP50Ms: pctOf(cpu, 50), cpuP99Ms: pctOf(cpu, 99), recallAt1: found / samples.length, snapWriteS, snapLoadS, loaded: loaded?.index.size ?? 0 }));
