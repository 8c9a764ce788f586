import { LOWER } from './char-class.js';

/** Two independent 32-bit hashes of a lower-cased string: a 64-bit key, so word tables need not keep the strings. */
export interface WordKey {
  h1: number;
  h2: number;
}

export const H1_SEED = 0x811c9dc5 | 0;
export const H2_SEED = 0x9747b28c | 0;
/** Fed between the words of a phrase, so "new york" and "newyork" differ. */
export const WORD_GAP = 0x20;

export function mix1(h: number, c: number): number {
  return Math.imul(h ^ LOWER[c]!, 0x01000193);
}

export function mix2(h: number, c: number): number {
  const x = Math.imul(h ^ LOWER[c]!, 0x5bd1e995);
  return x ^ (x >>> 15);
}

/**
 * An open-addressing hash table from {@link WordKey} to flag bits, in typed
 * arrays: no per-entry objects, so a few hundred thousand words cost the
 * garbage collector nothing, and a lookup allocates nothing.
 */
export class WordTable {
  private k1: Uint32Array;
  private k2: Uint32Array;
  private bits: Uint32Array;
  private mask: number;
  private used = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.k1 = new Uint32Array(cap);
    this.k2 = new Uint32Array(cap);
    this.bits = new Uint32Array(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.used;
  }

  /** ORs `flags` into the entry of `key`. */
  add(h1: number, h2: number, flags: number): void {
    if (this.used * 2 >= this.mask) this.grow();
    const a = h1 >>> 0 || 1;
    const b = h2 >>> 0;
    let i = a & this.mask;
    while (this.k1[i] !== 0 && (this.k1[i] !== a || this.k2[i] !== b)) i = (i + 1) & this.mask;
    if (this.k1[i] === 0) {
      this.k1[i] = a;
      this.k2[i] = b;
      this.used++;
    }
    this.bits[i]! |= flags;
  }

  /** The flags of `key`, 0 when absent. */
  get(h1: number, h2: number): number {
    const a = h1 >>> 0 || 1;
    const b = h2 >>> 0;
    let i = a & this.mask;
    for (;;) {
      const k = this.k1[i]!;
      if (k === 0) return 0;
      if (k === a && this.k2[i] === b) return this.bits[i]!;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const { k1, k2, bits } = this;
    this.k1 = new Uint32Array(k1.length * 2);
    this.k2 = new Uint32Array(k1.length * 2);
    this.bits = new Uint32Array(k1.length * 2);
    this.mask = this.k1.length - 1;
    this.used = 0;
    for (let i = 0; i < k1.length; i++) if (k1[i]) this.add(k1[i]!, k2[i]!, bits[i]!);
  }
}
