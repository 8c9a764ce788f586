import { T, type Tokens } from '../../text/tokens.js';
import { G, type Gazetteer } from './gazetteer.js';

const COMMA = 0x2c;
const DOT = 0x2e;
const HASH = 0x23;
const SEPARATORS = new Set([COMMA, 0x3e, 0x7c, 0x2f]);

/**
 * The parts of a street address, read from tokens: anchors that start an
 * address, and the neighbours that extend one. Each method returns the last
 * (or first) token of the part, or -1.
 */
export class AddressParts {
  /** Whether the last part found is enough on its own to call the text an address. */
  strong = false;

  constructor(
    private readonly tk: Tokens,
    private readonly g: Gazetteer,
  ) {}

  anchor(t: number): number {
    this.strong = true;
    let e = this.numberStreet(t);
    if (e < 0) e = this.numberPrefixStreet(t);
    if (e < 0) e = this.prefixStreet(t);
    if (e < 0) e = this.nameTypeNumber(t);
    if (e < 0) e = this.corner(t);
    if (e < 0) e = this.endingStreet(t);
    if (e < 0) e = this.cityState(t);
    if (e < 0) e = this.unit(t);
    if (e >= 0) return e;
    this.strong = false;
    return this.numberedName(t);
  }

  /** The next part after token `e` (one separator may sit between), or -1. */
  after(e: number): number {
    const tk = this.tk;
    let n = e + 1;
    if (tk.char(n) === DOT && !tk.has(n + 1, T.NEWLINE)) return this.anchor(n + 1);
    if (SEPARATORS.has(tk.char(n))) n++;
    if (n >= tk.count) return -1;
    const a = this.anchor(n);
    if (a >= 0) return a;
    if (this.isNum(n, 3, 7)) return n;
    const uk = this.ukPostcode(n);
    if (uk >= 0) return uk;
    if (tk.has(n, T.ALLCAP) && tk.has(n, T.WORD) && tk.length(n) <= 3 && tk.length(n) >= 2 && (!(this.bits(n) & G.FUNCTION) || this.isNum(n + 1, 3, 10))) return n;
    return this.placeLine(n);
  }

  /** The part just before token `s` (a house number or a unit), or -1. */
  before(s: number): number {
    const tk = this.tk;
    const p = s - 1;
    if (p < 0 || tk.has(s, T.NEWLINE)) return -1;
    if (this.isNum(p, 1, 6)) return p;
    if (this.tk.isWord(p, 'the') && this.tk.isWord(s, 'corner')) return p;
    this.strong = false;
    for (let q = Math.max(0, s - 5); q < s; q++) if (this.unit(q) === p) return q;
    this.strong = false;
    return -1;
  }

  /** A bare 4-5 digit postcode right after "zip", "postcode" or similar. */
  postcodeWithCue(t: number): boolean {
    if (!this.isNum(t, 4, 10)) return false;
    for (let p = t - 1; p >= Math.max(0, t - 3); p--) if (this.bits(p) & G.ZIP_CUE) return true;
    return false;
  }

  /** "12 Main Street", "3911 Fourth Avenue": a number, one to four name words, a street type. */
  private numberStreet(t: number): number {
    if (!this.isNum(t, 1, 6) && !this.houseAlnum(t)) return -1;
    const tk = this.tk;
    for (let k = t + 1, words = 0; k < tk.count && words <= 4; k++) {
      if (tk.has(k, T.NEWLINE) || !tk.has(k, T.WORD)) return -1;
      const b = this.bits(k);
      if (words > 0 && b & G.STREET_SUFFIX && (tk.has(k, T.CAP) || !tk.has(t + 1, T.CAP))) return k;
      if (b & G.FUNCTION && !(b & G.PARTICLE)) return -1;
      words++;
    }
    return -1;
  }

  /** "26 rue des Lieutenants", "95 Avenue des Tuileries": a house number, a street type that comes first, one to five words. */
  private numberPrefixStreet(t: number): number {
    const tk = this.tk;
    const p = t + 1;
    if (!this.isNum(t, 1, 6) || !tk.has(p, T.WORD) || tk.has(p, T.NEWLINE) || !(this.bits(p) & G.STREET_PREFIX)) return -1;
    let k = tk.char(p + 1) === DOT ? p + 1 : p;
    let last = -1;
    for (let words = 0; k + 1 < tk.count && words < 5; words++) {
      const n = k + 1;
      if (tk.has(n, T.NEWLINE) || !tk.has(n, T.WORD) || (this.bits(n) & G.FUNCTION && !(this.bits(n) & G.PARTICLE))) break;
      k = n;
      if (!(this.bits(n) & G.PARTICLE)) last = n;
    }
    return last;
  }

  /** "Rákóczi út 13", "Kálmán Imre u. 12.": one to three capitalized words, a street type, a number (the order of much of Europe). */
  private nameTypeNumber(t: number): number {
    const tk = this.tk;
    if (!tk.has(t, T.WORD) || !tk.has(t, T.CAP) || this.bits(t) & G.FUNCTION) return -1;
    for (let k = t + 1; k <= t + 3 && k < tk.count; k++) {
      if (tk.has(k, T.NEWLINE) || !tk.has(k, T.WORD)) return -1;
      if (this.bits(k) & G.STREET_SUFFIX) {
        const n = tk.char(k + 1) === DOT ? k + 2 : k + 1;
        return this.isNum(n, 1, 5) && !tk.has(n, T.NEWLINE) ? n : -1;
      }
      if (!tk.has(k, T.CAP)) return -1;
    }
    return -1;
  }

  /** "corner of Dalbraut 99 and Frederikke Coves": an intersection, up to five tokens on each side of "and". */
  private corner(t: number): number {
    const tk = this.tk;
    if (!this.tk.isWord(t, 'corner') || !this.tk.isWord(t + 1, 'of')) return -1;
    let k = t + 2;
    let and = -1;
    for (let n = 0; k < tk.count && n < 11; k++, n++) {
      if (tk.has(k, T.NEWLINE)) break;
      if (this.tk.isWord(k, 'and') && and < 0) {
        and = k;
        continue;
      }
      const ok = tk.has(k, T.NUM) || (tk.has(k, T.WORD) && (tk.has(k, T.CAP) || this.bits(k) & (G.PARTICLE | G.STREET_SUFFIX | G.STREET_PREFIX))) || tk.char(k) === DOT;
      if (!ok || (and >= 0 && k - and > 5)) break;
    }
    const end = k - 1;
    return and > t + 2 && end > and ? (tk.char(end) === DOT ? end - 1 : end) : -1;
  }

  /** "Rue de Piétrain 371", "ul. Narewska 94", "Via dei Fiorentini 17": a street type, up to five words, a number. */
  private prefixStreet(t: number): number {
    const tk = this.tk;
    if (!tk.has(t, T.WORD) || !(this.bits(t) & G.STREET_PREFIX)) return -1;
    let k = t + 1;
    if (tk.char(k) === DOT) k++;
    let caps = tk.has(t, T.CAP) ? 1 : 0;
    for (let words = 0; k < tk.count && words <= 5; k++, words++) {
      if (tk.has(k, T.NEWLINE)) return -1;
      if (words > 0 && this.isNum(k, 1, 5)) return caps ? k : -1;
      if (!tk.has(k, T.WORD) || (this.bits(k) & G.FUNCTION && !(this.bits(k) & G.PARTICLE))) return -1;
      if (tk.has(k, T.CAP)) caps++;
    }
    return -1;
  }

  /** "Kiannonkatu 98", "Augsburger Straße 5": a word with a street ending (after at most one other word), then a number. */
  private endingStreet(t: number): number {
    const tk = this.tk;
    if (!tk.has(t, T.WORD)) return -1;
    for (let k = t; k <= t + 1; k++) {
      if (k > t && (tk.has(k, T.NEWLINE) || !tk.has(k, T.WORD))) return -1;
      if ((this.isNum(k + 1, 1, 5) || this.houseAlnum(k + 1)) && !tk.has(k + 1, T.NEWLINE) && this.streetEnding(k) && (k === t || tk.has(t, T.CAP))) return k + 1;
    }
    return -1;
  }

  /** "GRASSE, PA 39551", "Austin, TX 78701-1234": a place, a comma, a two-letter code, a five-digit postcode. */
  private cityState(t: number): number {
    const tk = this.tk;
    if (!tk.has(t, T.CAP) || this.bits(t) & G.FUNCTION) return -1;
    for (let k = t + 1; k <= t + 3 && k < tk.count; k++) {
      if (tk.char(k) === COMMA) {
        const code = k + 1;
        const ok = tk.has(code, T.ALLCAP) && tk.has(code, T.WORD) && tk.length(code) === 2 && this.isNum(code + 1, 5, 10);
        return ok ? code + 1 : -1;
      }
      if (!tk.has(k, T.CAP) || tk.has(k, T.NEWLINE)) return -1;
    }
    return -1;
  }

  /** "Suite 727", "Apt. 864", "P.O. Box 287", "PSC 0413", "APO AA 42323", "Unit 4719". */
  private unit(t: number): number {
    const tk = this.tk;
    let k = t;
    if (tk.isWord(k, 'p') && tk.char(k + 1) === DOT && tk.isWord(k + 2, 'o')) k += tk.char(k + 3) === DOT ? 4 : 3;
    const b = tk.has(k, T.WORD) ? this.bits(k) : 0;
    if (!(b & G.UNIT)) return -1;
    if (b & G.STRONG_UNIT && k + 1 < tk.count && tk.has(k + 1, T.WORD) && this.bits(k + 1) & G.UNIT) k++;
    const strong = (b & G.STRONG_UNIT) !== 0 || k > t;
    k++;
    if (tk.char(k) === DOT) k++;
    if (tk.char(k) === HASH) k++;
    if (tk.has(k, T.ALLCAP) && tk.length(k) === 2 && this.isNum(k + 1, 5, 5)) k++;
    if (!this.isNum(k, 1, 6) && !this.houseAlnum(k)) return -1;
    this.strong = strong;
    return k;
  }

  /** "20789 Allika 46": a number, one to three capitalized words that are not common English, a short number. */
  private numberedName(t: number): number {
    if (!this.isNum(t, 1, 6)) return -1;
    const tk = this.tk;
    for (let k = t + 1; k <= t + 4 && k < tk.count; k++) {
      if (tk.has(k, T.NEWLINE)) return -1;
      if (k > t + 1 && (this.isNum(k, 1, 4) || this.houseAlnum(k))) return k;
      if (!tk.has(k, T.WORD) || !tk.has(k, T.CAP) || this.bits(k) & (G.COMMON | G.FUNCTION | G.CALENDAR)) return -1;
    }
    return -1;
  }

  /** A line part: up to four capitalized words (a city, a region, a country) that end at a separator, a line end, a number or the text's end. */
  private placeLine(n: number): number {
    const tk = this.tk;
    if (!tk.has(n, T.WORD) || !tk.has(n, T.CAP) || this.bits(n) & (G.FUNCTION | G.CALENDAR)) return -1;
    let k = n;
    for (let m = k + 1; m < tk.count && m - n < 5 && tk.has(m, T.WORD) && !tk.has(m, T.NEWLINE | T.ALNUM) && !(this.bits(m) & G.FUNCTION && !(this.bits(m) & G.PARTICLE)); m++) {
      if (tk.has(m, T.CAP)) k = m;
      else if (!(this.bits(m) & G.PARTICLE)) break;
    }
    const next = k + 1;
    const place = (this.bits(n) & (G.PLACE | G.PLACE_HEAD)) !== 0 && (this.g.table.get(...tk.phrase(n, k)) & G.PLACE) !== 0;
    const ends = next >= tk.count || tk.has(next, T.NEWLINE | T.PUNCT | T.NUM | T.ALNUM) || (tk.has(next, T.ALLCAP) && tk.length(next) === 2);
    return ends || place ? k : -1;
  }

  /** "NW1 6XE", "SW1A 1AA": a British postcode (outward code with a digit, inward code digit + two letters). */
  private ukPostcode(n: number): number {
    const tk = this.tk;
    const inward = n + 1;
    if (!tk.has(n, T.ALNUM) || !tk.has(n, T.ALLCAP) || tk.length(n) < 2 || tk.length(n) > 4 || !tk.has(inward, T.ALNUM) || tk.length(inward) !== 3) return -1;
    return /^\d[A-Z]{2}$/.test(tk.textOf(inward)) ? inward : -1;
  }

  private bits(t: number): number {
    return t >= 0 && t < this.tk.count ? this.tk.lookup(this.g.table)[t]! : 0;
  }

  private isNum(t: number, min: number, max: number): boolean {
    return this.tk.has(t, T.NUM) && this.tk.length(t) >= min && this.tk.length(t) <= max;
  }

  /** "12B", "221b": a house number with a letter. */
  private houseAlnum(t: number): boolean {
    const tk = this.tk;
    const c = tk.text.charCodeAt(tk.start[t]!);
    return tk.has(t, T.ALNUM) && tk.length(t) <= 6 && c >= 48 && c <= 57;
  }

  private streetEnding(t: number): boolean {
    const tk = this.tk;
    const len = tk.length(t);
    if (len < 5) return false;
    const word = tk.textOf(t).toLowerCase();
    return this.g.streetEndings.some((e) => word.length > e.length + 2 && word.endsWith(e));
  }
}
