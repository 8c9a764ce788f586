import usearch from 'usearch';

const { Index } = usearch;
type UIndex = InstanceType<typeof Index>;

/** HNSW graph settings of big partitions. */
export interface HnswOptions {
  connectivity: number;
  expansionAdd: number;
  expansionSearch: number;
}

export const DEFAULT_HNSW: HnswOptions = { connectivity: 16, expansionAdd: 32, expansionSearch: 64 };

/** A big partition: a usearch HNSW graph over int8 vectors (cosine), labels mapped to entry ids. */
export class HnswPartition {
  readonly kind = 'hnsw';
  readonly index: UIndex;
  private next = 1;
  private readonly labelOf = new Map<string, number>();
  private readonly idOf = new Map<number, string>();

  constructor(
    readonly dims: number,
    opts: HnswOptions = DEFAULT_HNSW,
  ) {
    this.index = new Index({ dimensions: dims, metric: 'cos' as never, quantization: 'i8' as never, connectivity: opts.connectivity, expansion_add: opts.expansionAdd, expansion_search: opts.expansionSearch, multi: false });
  }

  get size(): number {
    return this.labelOf.size;
  }

  has(id: string): boolean {
    return this.labelOf.has(id);
  }

  upsert(id: string, v: Int8Array): void {
    const old = this.labelOf.get(id);
    if (old !== undefined) {
      this.index.remove(BigInt(old));
      this.idOf.delete(old);
    }
    const label = this.next++;
    this.index.add(BigInt(label), v);
    this.labelOf.set(id, label);
    this.idOf.set(label, id);
  }

  /** Adds many new vectors at once (`vectors` holds them back to back), on every core: rebuilds and flat-to-HNSW moves. */
  addMany(ids: readonly string[], vectors: Int8Array): void {
    const fresh = ids.map((id, i) => [id, i] as const).filter(([id]) => !this.labelOf.has(id));
    if (!fresh.length) return;
    const labels = new BigUint64Array(fresh.length);
    const block = new Int8Array(fresh.length * this.dims);
    fresh.forEach(([id, i], j) => {
      const label = this.next++;
      labels[j] = BigInt(label);
      block.set(vectors.subarray(i * this.dims, (i + 1) * this.dims), j * this.dims);
      this.labelOf.set(id, label);
      this.idOf.set(label, id);
    });
    this.index.add(labels, block, 0);
  }

  remove(id: string): boolean {
    const label = this.labelOf.get(id);
    if (label === undefined) return false;
    this.index.remove(BigInt(label));
    this.labelOf.delete(id);
    this.idOf.delete(label);
    return true;
  }

  search(q: Int8Array, k: number, minScore: number): { id: string; score: number }[] {
    const m = this.index.search(q, k, 1);
    const out: { id: string; score: number }[] = [];
    for (let i = 0; i < m.keys.length; i++) {
      const id = this.idOf.get(Number(m.keys[i]!));
      const score = 1 - m.distances[i]!;
      if (id !== undefined && score >= minScore) out.push({ id, score });
    }
    return out;
  }

  /** `[label, id]` pairs, for a snapshot beside `index.save()`. */
  labels(): [string, string][] {
    return [...this.idOf].map(([l, id]) => [l.toString(), id]);
  }

  /** Restores a saved graph and its labels. */
  static load(file: string, dims: number, labels: [string, string][], opts: HnswOptions = DEFAULT_HNSW): HnswPartition {
    const p = new HnswPartition(dims, opts);
    p.index.load(file);
    for (const [l, id] of labels) {
      const label = Number(l);
      p.labelOf.set(id, label);
      p.idOf.set(label, id);
      if (label >= p.next) p.next = label + 1;
    }
    return p;
  }
}
