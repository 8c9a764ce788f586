import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlatPartition } from './flat-partition.js';
import { HnswPartition, type HnswOptions } from './hnsw-partition.js';
import { LocalIndex } from './local-index.js';

interface Meta {
  v: 1;
  dims: number;
  /** Stream offset of the last event applied before the snapshot. */
  offset: string;
  partitions: ({ p: string; kind: 'flat'; ids: string[]; at: number } | { p: string; kind: 'hnsw'; file: string; labels: [string, string][] })[];
}

/**
 * The local index on disk with the stream offset it includes, so a restart
 * loads it and replays only what came after. Written to a temporary directory
 * and renamed over the old one, so a crash never leaves half a snapshot.
 */
export function writeSnapshot(dir: string, index: LocalIndex, offset: string): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const flat: Buffer[] = [];
  let at = 0;
  const meta: Meta = { v: 1, dims: index.dims, offset, partitions: [] };
  let n = 0;
  for (const [p, part] of index.partitions) {
    if (part instanceof FlatPartition) {
      const v = part.vectors();
      flat.push(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
      meta.partitions.push({ p, kind: 'flat', ids: [...part.ids], at });
      at += v.byteLength;
    } else {
      const file = `h-${n++}.usearch`;
      part.index.save(join(tmp, file));
      meta.partitions.push({ p, kind: 'hnsw', file, labels: part.labels() });
    }
  }
  writeFileSync(join(tmp, 'flat.bin'), Buffer.concat(flat));
  writeFileSync(join(tmp, 'meta.json'), JSON.stringify(meta));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

/** The snapshot in `dir` and its offset, or undefined when there is none or it does not fit `dims`. */
export function readSnapshot(dir: string, dims: number, flatMax: number, hnsw: HnswOptions): { index: LocalIndex; offset: string } | undefined {
  if (!existsSync(join(dir, 'meta.json'))) return undefined;
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  if (meta.v !== 1 || meta.dims !== dims) return undefined;
  const flat = readFileSync(join(dir, 'flat.bin'));
  const index = new LocalIndex(dims, flatMax, hnsw);
  for (const part of meta.partitions) {
    if (part.kind === 'hnsw') {
      index.restore(part.p, HnswPartition.load(join(dir, part.file), dims, part.labels, hnsw));
      continue;
    }
    const f = new FlatPartition(dims, part.ids.length);
    const vecs = new Int8Array(flat.buffer, flat.byteOffset + part.at, part.ids.length * dims);
    part.ids.forEach((id, i) => f.upsert(id, vecs.subarray(i * dims, (i + 1) * dims)));
    index.restore(part.p, f);
  }
  return { index, offset: meta.offset };
}
