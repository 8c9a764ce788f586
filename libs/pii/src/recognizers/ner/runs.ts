import { T, type Tokens } from '../../text/tokens.js';
import type { WordTable } from '../../text/word-hash.js';
import { G } from './gazetteer.js';

const DOT = 0x2e;
const AMP = 0x26;

/** A run of capitalized words as the NER rules judge it: its bounds after trimming, and counts of word classes. Reused between runs. */
export class CapitalRun {
  first = 0;
  last = 0;
  /** Words, not counting initials and particles. */
  words = 0;
  initials = 0;
  names = 0;
  common = 0;
  vocab = 0;
  nrp = 0;
  calendar = 0;
  /** The last word is a calendar word ("Labor Day", "Christmas Eve"). */
  endsCalendar = false;
  /** A single unknown word that reads as a plural ("Hobbits"). */
  plural = false;
  /** Words that are common English or calendar words. */
  plain = 0;
  /** Leading words that say a person follows ("Producer", "Dear") were trimmed. */
  cued = false;
  orgWord = false;
  titled = false;
  acronym = true;

  reset(first: number): void {
    this.first = first;
    this.last = first;
    this.words = this.initials = this.names = this.common = this.vocab = this.nrp = this.calendar = this.plain = 0;
    this.orgWord = this.titled = this.cued = this.endsCalendar = this.plural = false;
    this.acronym = true;
  }
}

/** Characters that glue a word into an identifier, a path or an address ("sk_test_X", "a/B", "x@Y", "file.Txt"). */
const GLUE = new Set('_/\\@=#$%+*~^|`'.split('').map((c) => c.charCodeAt(0)));

/** A word stuck to code-like punctuation without a space: part of an identifier, never a name. */
export function isGlued(tk: Tokens, t: number): boolean {
  const before = t > 0 && !tk.has(t, T.SPACED) ? tk.char(t - 1) : -1;
  if (GLUE.has(before) || (before === DOT && tk.has(t - 2, T.WORD) && !tk.has(t - 1, T.SPACED))) return true;
  const n = t + 1;
  if (n >= tk.count || tk.has(n, T.SPACED)) return false;
  const after = tk.char(n);
  return GLUE.has(after) || ((after === DOT || after === 0x2d) && n + 1 < tk.count && !tk.has(n + 1, T.SPACED) && (tk.flags[n + 1]! & (T.WORD | T.NUM)) !== 0);
}

const isInitial = (tk: Tokens, t: number) => tk.has(t, T.WORD) && tk.has(t, T.CAP) && tk.length(t) === 1;

/**
 * Reads the run of capitalized words starting at token `t` into `run` (one
 * line; initials with their dot, "&", and particles such as "van der" or "of"
 * inside), trims function words and titles in front and particles at the end,
 * and counts its word classes. Returns the last token of the untrimmed run.
 */
export function readRun(tk: Tokens, t: number, table: WordTable, run: CapitalRun): number {
  let e = t;
  for (;;) {
    const n = e + 1;
    if (n >= tk.count || tk.has(n, T.NEWLINE | T.WIDE)) break;
    const f = tk.flags[n]!;
    const nextCap = tk.has(n + 1, T.WORD) && tk.has(n + 1, T.CAP) && !tk.has(n + 1, T.NEWLINE);
    if (isGlued(tk, n) || f & T.ALNUM || isUnit(tk, n, table)) break;
    if (f & T.WORD && f & T.CAP) e = n;
    else if (tk.char(n) === DOT && (isInitial(tk, e) || tk.lookup(table)[e]! & G.TITLE) && !tk.has(n + 1, T.NEWLINE)) e = n;
    else if ((tk.char(n) === AMP || tk.lookup(table)[n]! & G.PARTICLE || tk.isWord(n, 'of')) && nextCap) e = n + 1;
    else break;
  }
  run.reset(t);
  let s = t;
  while (s <= e) {
    const bits = tk.lookup(table)[s]!;
    if (bits & G.TITLE) run.titled = true;
    else if (bits & G.PERSON_CUE && s < e && (bits & G.COMMON || !(bits & G.NAME))) run.cued ||= (bits & G.STRONG_PERSON_CUE) !== 0;
    else if (!(bits & G.FUNCTION) && !tk.has(s, T.PUNCT)) break;
    s++;
  }
  let l = e;
  while (l >= s && (tk.has(l, T.PUNCT) || (!tk.has(l, T.CAP) && tk.has(l, T.WORD)))) l--;
  if (l > s && trailingRole(tk, table, s, l)) l--;
  run.first = s;
  run.last = l;
  for (let i = s; i <= l; i++) count(tk, i, table, run, i === l, i === s);
  return e;
}

function count(tk: Tokens, i: number, table: WordTable, run: CapitalRun, last: boolean, first: boolean): void {
  if (!tk.has(i, T.WORD)) return;
  const bits = tk.lookup(table)[i]!;
  if (!tk.has(i, T.CAP)) return;
  if (tk.length(i) === 1) {
    run.initials++;
    return;
  }
  run.words++;
  const acronym = tk.has(i, T.ALLCAP) && tk.length(i) <= 4;
  if (bits & G.NAME && !acronym) run.names++;
  if (last && bits & G.CALENDAR) run.endsCalendar = true;
  if (last && !(bits & (G.NAME | G.VOCAB)) && tk.text.charCodeAt(tk.end[i]! - 1) === 0x73 && !tk.has(i, T.ALLCAP)) run.plural = true;
  if (bits & G.COMMON) run.common++;
  if (bits & G.VOCAB) run.vocab++;
  if (bits & G.NRP) run.nrp++;
  if (bits & G.CALENDAR) run.calendar++;
  if (bits & (G.COMMON | G.CALENDAR)) run.plain++;
  if (bits & G.ORG_WORD && (last || (first && tk.isWord(i + 1, 'of')))) run.orgWord = true;
  if (!tk.has(i, T.ALLCAP) || tk.length(i) > 5 || bits & (G.NAME | G.PLACE)) run.acronym = false;
}

/** A unit word that starts an address ("Apt. 675", "Suite 913") ends a name before it. */
function isUnit(tk: Tokens, t: number, table: WordTable): boolean {
  return (tk.lookup(table)[t]! & G.UNIT) !== 0 && (tk.char(t + 1) === DOT || tk.has(t + 1, T.NUM));
}

/** A common word after a name in a signature line ("Maika van de Noort Employment"), not part of it. */
function trailingRole(tk: Tokens, table: WordTable, s: number, l: number): boolean {
  const bits = tk.lookup(table);
  if (!(bits[l]! & G.COMMON) || bits[l]! & (G.NAME | G.ORG_WORD | G.STREET_SUFFIX | G.PLACE) || tk.has(l, T.ALLCAP)) return false;
  for (let i = s; i < l; i++) if (tk.has(i, T.WORD) && tk.has(i, T.CAP) && !(bits[i]! & G.COMMON)) return true;
  return false;
}
