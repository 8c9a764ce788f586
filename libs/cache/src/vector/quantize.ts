/**
 * Vectors are kept as int8, scaled per vector so its largest component is ±127:
 * a quarter of float32's memory, and cosine (scale-free) loses about 0.002.
 */
export function quantize(v: ArrayLike<number>): Int8Array {
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]!));
  const out = new Int8Array(v.length);
  if (max === 0) return out;
  const scale = 127 / max;
  for (let i = 0; i < v.length; i++) out[i] = Math.round(v[i]! * scale);
  return out;
}

export function normI8(v: Int8Array, offset = 0, dims = v.length): number {
  let s = 0;
  for (let i = offset; i < offset + dims; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/** Cosine similarity of `q` and the vector at `offset` of `data`, with both norms given. */
export function cosineI8(q: Int8Array, qNorm: number, data: Int8Array, offset: number, norm: number): number {
  let dot = 0;
  for (let i = 0; i < q.length; i++) dot += q[i]! * data[offset + i]!;
  return qNorm && norm ? dot / (qNorm * norm) : 0;
}

/** Cosine similarity of two float vectors. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
