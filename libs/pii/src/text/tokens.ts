import { CHAR_CLASS, DIGIT, LETTER, LOWER, NEWLINE, SPACE, UPPER } from './char-class.js';
import { H1_SEED, H2_SEED, mix1, mix2, WORD_GAP, type WordTable } from './word-hash.js';

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
  /** Two or more spaces, or a tab, before it: a field separator in forms and signatures. */
  WIDE: 256,
} as const;

const F_WORD = T.WORD;
const F_NUM = T.NUM;
const F_PUNCT = T.PUNCT;
const F_CAP = T.CAP;
const F_ALLCAP = T.ALLCAP;
const F_ALNUM = T.ALNUM;
const F_SPACED = T.SPACED;
const F_NEWLINE = T.NEWLINE;
const F_WIDE = T.WIDE;
const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** An inner hyphen or apostrophe joins the letters around it, except a possessive "'s". */
function joins(text: string, i: number, c: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (!(CHAR_CLASS[next]! & (LETTER | DIGIT))) return false;
  if (c === HYPHEN) return true;
  const after = text.charCodeAt(i + 2);
  return !((next === 0x73 || next === 0x53) && !(CHAR_CLASS[after]! & (LETTER | DIGIT)));
}

/**
 * The words, numbers and punctuation of a text, in parallel typed arrays:
 * offsets, flags and the two hashes of each token's lower-case form. Words join
 * over inner apostrophes and hyphens ("O'Brien", "Vazquez-Riggs", "555-2671"),
 * except a possessive "'s". Made in one pass with no regex and no substrings.
 */
export class Tokens {
  count = 0;
  /** Length of the longest token: lets long-secret patterns skip texts with none. */
  maxLength = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  flags = new Uint16Array(256);
  h1 = new Uint32Array(256);
  h2 = new Uint32Array(256);
  text = '';
  private bits = new Uint32Array(256);
  private bitsOf: WordTable | undefined;

  /** Tokenizes `text` into this instance's buffers (reused between calls). */
  read(text: string): this {
    this.text = text;
    this.count = 0;
    this.maxLength = 0;
    this.bitsOf = undefined;
    const len = text.length;
    let gap = 0;
    let i = 0;
    while (i < len) {
      const c = text.charCodeAt(i);
      const k = CHAR_CLASS[c]!;
      if (k & SPACE) {
        gap |= k & NEWLINE ? F_SPACED | F_NEWLINE : gap & F_SPACED || c === 9 ? F_SPACED | F_WIDE : F_SPACED;
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
          else if (!(dk === 0 && (d === HYPHEN || d === APOSTROPHE || d === RIGHT_QUOTE) && joins(text, i, d))) break;
          const l = LOWER[d]!;
          h1 = Math.imul(h1 ^ l, 0x01000193);
          const x = Math.imul(h2 ^ l, 0x5bd1e995);
          h2 = x ^ (x >>> 15);
          i++;
        }
        if (letters) flags |= F_WORD | (digits ? F_ALNUM : 0) | (k & UPPER ? F_CAP : 0) | (uppers === letters ? F_ALLCAP : 0);
        else flags |= F_NUM;
      } else {
        h1 = mix1(h1, c);
        h2 = mix2(h2, c);
        flags |= F_PUNCT;
        i++;
      }
      if (this.count === this.start.length) this.growTo(this.count * 2);
      const n = this.count++;
      if (i - start > this.maxLength) this.maxLength = i - start;
      this.start[n] = start;
      this.end[n] = i;
      this.flags[n] = flags;
      this.h1[n] = h1;
      this.h2[n] = h2;
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

  /** Each token's entry in `table` (0 for punctuation and numbers), looked up once per text and table. */
  lookup(table: WordTable): Uint32Array {
    if (this.bitsOf === table) return this.bits;
    if (this.bits.length < this.count) this.bits = new Uint32Array(this.start.length);
    for (let t = 0; t < this.count; t++) this.bits[t] = this.flags[t]! & T.WORD ? table.get(this.h1[t]!, this.h2[t]!) : 0;
    this.bitsOf = table;
    return this.bits;
  }

  /** Token `t` is the word `lower` in any case ("and", "corner", "P"). */
  isWord(t: number, lower: string): boolean {
    if (!this.has(t, T.WORD) || this.length(t) !== lower.length) return false;
    for (let i = 0; i < lower.length; i++) if ((this.text.charCodeAt(this.start[t]! + i) | 0x20) !== lower.charCodeAt(i)) return false;
    return true;
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
