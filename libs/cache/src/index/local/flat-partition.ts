import { cosineI8, normI8 } from '../../vector/quantize.js';

/** A small partition: int8 vectors in one growing array, searched exactly. */
export class FlatPartition {
  readonly kind = 'flat';
  readonly ids: string[] = [];
  private vecs: Int8Array;
  private norms: Float32Array;
  private readonly slot = new Map<string, number>();

  constructor(
    readonly dims: number,
    capacity = 4,
  ) {
    this.vecs = new Int8Array(capacity * dims);
    this.norms = new Float32Array(capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slot.has(id);
  }

  upsert(id: string, v: Int8Array): void {
    let i = this.slot.get(id);
    if (i === undefined) {
      i = this.ids.length;
      if ((i + 1) * this.dims > this.vecs.length) this.grow();
      this.ids.push(id);
      this.slot.set(id, i);
    }
    this.vecs.set(v, i * this.dims);
    this.norms[i] = normI8(v);
  }

  remove(id: string): boolean {
    const i = this.slot.get(id);
    if (i === undefined) return false;
    const last = this.ids.length - 1;
    if (i !== last) {
      const moved = this.ids[last]!;
      this.ids[i] = moved;
      this.slot.set(moved, i);
      this.vecs.copyWithin(i * this.dims, last * this.dims, (last + 1) * this.dims);
      this.norms[i] = this.norms[last]!;
    }
    this.ids.pop();
    this.slot.delete(id);
    return true;
  }

  search(q: Int8Array, k: number, minScore: number): { id: string; score: number }[] {
    const qn = normI8(q);
    const top: { id: string; score: number }[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      const score = cosineI8(q, qn, this.vecs, i * this.dims, this.norms[i]!);
      if (score < minScore || (top.length === k && score <= top[k - 1]!.score)) continue;
      top.push({ id: this.ids[i]!, score });
      top.sort((a, b) => b.score - a.score);
      if (top.length > k) top.pop();
    }
    return top;
  }

  /** Every vector, in `ids` order (for a snapshot or a move to HNSW). */
  vectors(): Int8Array {
    return this.vecs.subarray(0, this.ids.length * this.dims);
  }

  private grow(): void {
    const cap = Math.max(4, (this.vecs.length / this.dims) * 2);
    const vecs = new Int8Array(cap * this.dims);
    vecs.set(this.vecs);
    const norms = new Float32Array(cap);
    norms.set(this.norms);
    this.vecs = vecs;
    this.norms = norms;
  }
}
