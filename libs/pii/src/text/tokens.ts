import { CHAR_CLASS, DIGIT, LETTER, NEWLINE, SPACE, UPPER } from './char-class.js';
import { H1_SEED, H2_SEED, mix1, mix2, WORD_GAP } from './word-hash.js';

/** Token flag bits. */
export const T = {
  /** Letters (maybe with digits). */
  WORD: 1,
  /** Digits only. */
  NUM: 2,
  /** A single character that is neither a letter, a digit nor a space. */
  PUNCT: 4,
  /** Starts with an upper-case letter. */
  CAP: 8,
  /** Every letter upper-case. */
  ALLCAP: 16,
  /** Has both letters and digits. */
  ALNUM: 32,
  /** Whitespace before it. */
  SPACED: 64,
  /** A line break before it. */
  NEWLINE: 128,
} as const;

const APOSTROPHES = new Set([0x27, 0x2019]);
const HYPHEN = 0x2d;

/**
 * The words, numbers and punctuation of a text, in parallel typed arrays:
 * offsets, flags and the two hashes of each token's lower-case form. Words join
 * over inner apostrophes and hyphens ("O'Brien", "Vazquez-Riggs", "555-2671"),
 * except a possessive "'s". Made in one pass with no regex and no substrings.
 */
export class Tokens {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  flags = new Uint16Array(256);
  h1 = new Uint32Array(256);
  h2 = new Uint32Array(256);
  text = '';

  /** Tokenizes `text` into this instance's buffers (reused between calls). */
  read(text: string): this {
    this.text = text;
    this.count = 0;
    const len = text.length;
    let gap = 0;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      const k = CHAR_CLASS[c]!;
      if (k & SPACE) {
        gap |= T.SPACED | (k & NEWLINE ? T.NEWLINE : 0);
        i++;
        continue;
      }
      const start = i;
      let h1 = H1_SEED;
      let h2 = H2_SEED;
      let flags = gap;
      gap = 0;
      if (k & (LETTER | DIGIT)) {
        let letters = 0;
        let uppers = 0;
        let digits = 0;
        while (i < len) {
          const d = text.charCodeAt(i);
          const dk = CHAR_CLASS[d]!;
          if (dk & LETTER) {
            letters++;
            if (dk & UPPER) uppers++;
          } else if (dk & DIGIT) digits++;
          else if (!this.joins(text, i, d)) break;
          h1 = mix1(h1, d);
          h2 = mix2(h2, d);
          i++;
        }
        if (letters) flags |= T.WORD | (digits ? T.ALNUM : 0) | (CHAR_CLASS[c]! & UPPER ? T.CAP : 0) | (uppers === letters ? T.ALLCAP : 0);
        else flags |= T.NUM;
      } else {
        h1 = mix1(h1, c);
        h2 = mix2(h2, c);
        flags |= T.PUNCT;
        i++;
      }
      this.push(start, i, flags, h1, h2);
    }
    return this;
  }

  /** The hash pair of tokens `from..to` (inclusive) as one phrase: words lower-cased, one gap between tokens. */
  phrase(from: number, to: number): [number, number] {
    let h1 = this.h1[from]!;
    let h2 = this.h2[from]!;
    const text = this.text;
    for (let t = from + 1; t <= to; t++) {
      h1 = mix1(h1, WORD_GAP);
      h2 = mix2(h2, WORD_GAP);
      for (let i = this.start[t]!, e = this.end[t]!; i < e; i++) {
        const c = text.charCodeAt(i);
        h1 = mix1(h1, c);
        h2 = mix2(h2, c);
      }
    }
    return [h1 >>> 0, h2 >>> 0];
  }

  has(t: number, flag: number): boolean {
    return t >= 0 && t < this.count && (this.flags[t]! & flag) !== 0;
  }

  /** The character of a one-character token, or -1. */
  char(t: number): number {
    return t >= 0 && t < this.count && this.flags[t]! & T.PUNCT ? this.text.charCodeAt(this.start[t]!) : -1;
  }

  length(t: number): number {
    return this.end[t]! - this.start[t]!;
  }

  textOf(t: number): string {
    return this.text.slice(this.start[t], this.end[t]);
  }

  private joins(text: string, i: number, c: number): boolean {
    if (c !== HYPHEN && !APOSTROPHES.has(c)) return false;
    const next = text.charCodeAt(i + 1);
    if (!(CHAR_CLASS[next]! & (LETTER | DIGIT))) return false;
    if (c === HYPHEN) return true;
    const after = text.charCodeAt(i + 2);
    return !((next === 0x73 || next === 0x53) && !(CHAR_CLASS[after]! & (LETTER | DIGIT)));
  }

  private push(start: number, end: number, flags: number, h1: number, h2: number): void {
    if (this.count === this.start.length) this.growTo(this.count * 2);
    const n = this.count++;
    this.start[n] = start;
    this.end[n] = end;
    this.flags[n] = flags;
    this.h1[n] = h1 >>> 0;
    this.h2[n] = h2 >>> 0;
  }

  private growTo(cap: number): void {
    const grow = <A extends Int32Array | Uint16Array | Uint32Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (n) => new Int32Array(n));
    this.end = grow(this.end, (n) => new Int32Array(n));
    this.flags = grow(this.flags, (n) => new Uint16Array(n));
    this.h1 = grow(this.h1, (n) => new Uint32Array(n));
    this.h2 = grow(this.h2, (n) => new Uint32Array(n));
  }
}

/** The hash pair of a whole string tokenized the same way as a text (for building word tables). */
export function phraseKey(s: string, scratch = new Tokens()): [number, number] | undefined {
  scratch.read(s);
  return scratch.count ? scratch.phrase(0, scratch.count - 1) : undefined;
}
