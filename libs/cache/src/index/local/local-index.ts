import type { EntryRef } from '../../entry/cache-entry.js';
import type { VectorHit } from '../vector-index.js';
import { FlatPartition } from './flat-partition.js';
import { DEFAULT_HNSW, HnswPartition, type HnswOptions } from './hnsw-partition.js';

export type Partition = FlatPartition | HnswPartition;

const idOf = (r: EntryRef) => `${r.scope}:${r.key}`;
const refOf = (id: string): EntryRef => ({ scope: id.slice(0, id.indexOf(':')), key: id.slice(id.indexOf(':') + 1) });

/**
 * The in-process vector index: one structure per semantic partition. Small
 * partitions are searched exactly (int8 cosine); past `flatMax` entries a
 * partition moves to an HNSW graph. Pure data: no I/O.
 */
export class LocalIndex {
  readonly partitions = new Map<string, Partition>();
  private readonly where = new Map<string, string>();

  constructor(
    readonly dims: number,
    private readonly flatMax: number,
    private readonly hnsw: HnswOptions = DEFAULT_HNSW,
  ) {}

  get size(): number {
    return this.where.size;
  }

  upsert(ref: EntryRef, partition: string, v: Int8Array): void {
    if (v.length !== this.dims) return;
    const id = idOf(ref);
    const prev = this.where.get(id);
    if (prev !== undefined && prev !== partition) this.removeId(id);
    let p = this.partitions.get(partition);
    if (!p) this.partitions.set(partition, (p = new FlatPartition(this.dims)));
    p.upsert(id, v);
    this.where.set(id, partition);
    if (p instanceof FlatPartition && p.size > this.flatMax) this.partitions.set(partition, this.toHnsw(p));
  }

  /** Adds many vectors of one partition (`vectors` back to back); new ones past the flat size go to HNSW in one multi-threaded call. */
  bulkUpsert(partition: string, refs: readonly EntryRef[], vectors: Int8Array): void {
    const slice = (i: number) => vectors.subarray(i * this.dims, (i + 1) * this.dims);
    const ids = refs.map(idOf);
    const fresh: number[] = [];
    refs.forEach((r, i) => (this.where.has(ids[i]!) ? this.upsert(r, partition, slice(i)) : fresh.push(i)));
    let p = this.partitions.get(partition);
    if ((p?.size ?? 0) + fresh.length <= this.flatMax) {
      for (const i of fresh) this.upsert(refs[i]!, partition, slice(i));
      return;
    }
    if (!(p instanceof HnswPartition)) this.partitions.set(partition, (p = p ? this.toHnsw(p) : new HnswPartition(this.dims, this.hnsw)));
    const block = new Int8Array(fresh.length * this.dims);
    fresh.forEach((i, j) => block.set(slice(i), j * this.dims));
    const freshIds = fresh.map((i) => ids[i]!);
    p.addMany(freshIds, block);
    for (const id of freshIds) this.where.set(id, partition);
  }

  remove(ref: EntryRef): boolean {
    return this.removeId(idOf(ref));
  }

  search(partition: string, v: Int8Array, k: number, minScore: number): VectorHit[] {
    const p = this.partitions.get(partition);
    if (!p || v.length !== this.dims) return [];
    return p.search(v, k, minScore).map(({ id, score }) => ({ ...refOf(id), score }));
  }

  /** Puts a restored partition in place (snapshot load). */
  restore(partition: string, p: Partition): void {
    this.partitions.set(partition, p);
    const ids = p instanceof FlatPartition ? p.ids : p.labels().map(([, id]) => id);
    for (const id of ids) this.where.set(id, partition);
  }

  private removeId(id: string): boolean {
    const partition = this.where.get(id);
    if (partition === undefined) return false;
    this.where.delete(id);
    const p = this.partitions.get(partition);
    p?.remove(id);
    if (p && p.size === 0) this.partitions.delete(partition);
    return true;
  }

  private toHnsw(flat: FlatPartition): HnswPartition {
    const h = new HnswPartition(this.dims, this.hnsw);
    h.addMany(flat.ids, flat.vectors());
    return h;
  }
}
