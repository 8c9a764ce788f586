/** 32-bit FNV-1a over a string's UTF-16 units, with a final avalanche so low bits mix. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Adds `weight` for `feature` at a hashed position, with a hashed sign so collisions cancel on average. */
export function addFeature(v: Float32Array, feature: string, weight: number): void {
  const h = hash32(feature);
  v[h % v.length] += h & 0x80000000 ? -weight : weight;
}
