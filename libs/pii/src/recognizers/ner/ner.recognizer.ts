import type { Finding, RecognizeContext, Recognizer } from '../../analyzer/finding.js';
import { Entities } from '../../entities.js';
import { T, type Tokens } from '../../text/tokens.js';
import { G, gazetteer, type Gazetteer } from './gazetteer.js';
import { CapitalRun, isGlued, readRun } from './runs.js';

/** A place with the postcode written right after it ("Bjert 6091", "København K 1421") takes the postcode in. */
function withPostcode(tk: Tokens, f: Finding, last: number): Finding {
  const n = last + 1;
  const len = n < tk.count ? tk.length(n) : 0;
  return tk.has(n, T.NUM) && !tk.has(n, T.NEWLINE) && len >= 4 && len <= 5 ? { ...f, end: tk.end[n]! } : f;
}

/** A word written all in lower case (no "camelCase" identifier). */
function lowerOnly(tk: Tokens, t: number): boolean {
  const w = tk.textOf(t);
  return w === w.toLowerCase();
}

/** An organization named with a number in front ("48 Factoring Inc", "3 Round Stones Inc") takes the number in. */
function withNumber(tk: Tokens, f: Finding, first: number): Finding {
  const p = first - 1;
  return tk.has(p, T.NUM) && !tk.has(first, T.NEWLINE) && tk.length(p) <= 3 ? { ...f, start: tk.start[p]! } : f;
}

const STARTERS = new Set('.!?:;>"“”(*•|[{#-'.split('').map((c) => c.charCodeAt(0)));

/**
 * Names of people, places, organizations and NRP without a statistical model:
 * runs of capitalized words (and lower-case given names after a cue), judged
 * by one packaged gazetteer table (names, GeoNames places, countries, English
 * vocabulary), closed word classes (titles, organization suffixes,
 * nationalities, calendar words) and the words just before the run ("my name
 * is", "lives in", "works for"). Works on the shared token arrays: no regex and
 * no substring per word.
 */
export class NerRecognizer implements Recognizer {
  readonly name = 'ner';
  readonly entities = [Entities.person, Entities.location, Entities.organization, Entities.nrp];
  private readonly run = new CapitalRun();

  constructor(private readonly g: Gazetteer = gazetteer()) {}

  analyze(_text: string, ctx: RecognizeContext): Finding[] {
    const tk = ctx.tokens;
    const out: Finding[] = [];
    for (let t = 0; t < tk.count; ) {
      const f = tk.flags[t]!;
      if (f & T.WORD && (f & T.ALNUM || isGlued(tk, t))) t++;
      else if (f & T.WORD && f & T.CAP) {
        const from = tk.lookup(this.g.table)[t]! & G.FUNCTION ? t + 1 : t;
        const firm = this.partnership(tk, from);
        if (firm >= 0) {
          out.push({ entityType: Entities.organization, start: tk.start[from]!, end: tk.end[firm]!, score: 0.6, recognizer: this.name });
          t = firm + 1;
          continue;
        }
        const last = readRun(tk, t, this.g.table, this.run);
        const found = this.judge(tk);
        if (found) out.push(found.entityType === Entities.location ? withPostcode(tk, found, this.run.last) : found.entityType === Entities.organization ? withNumber(tk, found, this.run.first) : found);
        t = last + 1;
      } else if (f & T.WORD && !(f & T.CAP)) {
        t = this.lowerCase(tk, t, out);
      } else t++;
    }
    return out;
  }

  private judge(tk: Tokens): Finding | undefined {
    const r = this.run;
    if (!r.words) return undefined;
    const hit = (entityType: string, score: number): Finding => ({ entityType, start: tk.start[r.first]!, end: tk.end[r.last]!, score, recognizer: this.name });
    const cue = this.cueBefore(tk, r.first);
    const initial = r.first === 0 || tk.has(r.first, T.NEWLINE) || STARTERS.has(tk.char(r.first - 1));
    const place = (tk.lookup(this.g.table)[r.first]! & (G.PLACE | G.PLACE_HEAD)) !== 0 && (this.g.table.get(...tk.phrase(r.first, r.last)) & G.PLACE) !== 0;
    const unknown = r.words - r.vocab;
    const nameLike = r.names + r.initials;
    if ((r.calendar && r.plain === r.words) || r.endsCalendar) return undefined;
    if (r.words === 1 && !r.initials && tk.char(r.last + 1) === 0x3a && initial && unknown === 1 && !r.acronym) return hit(Entities.person, 0.6);
    if (r.words <= 2 && r.nrp === r.words) return cue & G.PERSON_CUE && r.words === 1 ? undefined : hit(Entities.nrp, 0.7);
    if (r.words > 1 && r.orgWord) return hit(Entities.organization, 0.75);
    if (r.titled || (r.cued && (r.names > 0 || unknown > 0))) return hit(Entities.person, 0.85);
    if (cue & G.STRONG_PERSON_CUE && r.names > 0) return hit(Entities.person, 0.85);
    if (cue & G.PERSON_CUE && (r.names > 0 || unknown > 0) && !place && (r.common < r.words || (r.words >= 2 && r.names === r.words))) return hit(Entities.person, 0.85);
    if (cue & G.ORG_CUE && !place && r.names < r.words && r.common < r.words) return hit(Entities.organization, 0.6);
    if (cue & G.LOCATION_CUE && (place || (r.names < r.words && unknown > 0 && !r.acronym))) return hit(Entities.location, place ? 0.85 : 0.6);
    if (r.words >= 2 && nameLike >= r.words && r.common < r.words && !place) return hit(Entities.person, 0.85);
    if (place && (r.names === 0 || r.common === 0) && (r.common < r.words || r.words > 1)) return hit(Entities.location, r.names ? 0.55 : 0.7);
    if (r.names > 0 && r.common < r.words) return hit(Entities.person, initial && r.words === 1 ? 0.55 : 0.7);
    if (r.common === 0 && unknown === r.words && !r.acronym && (!initial || r.words > 1) && !(r.words === 1 && r.plural)) return hit(r.words > 1 ? Entities.organization : Entities.person, 0.5);
    return undefined;
  }

  /**
   * "Davis, Reynolds and Williamson", "Owens, Duran & Oneal": exactly three
   * surnames, a comma and "and", the way partnerships and firms are named.
   * Returns the last token, or -1.
   */
  private partnership(tk: Tokens, t: number): number {
    const bits = tk.lookup(this.g.table);
    const member = (i: number) => tk.has(i, T.WORD) && tk.has(i, T.CAP) && !tk.has(i, T.NEWLINE | T.ALNUM) && !(bits[i]! & (G.FUNCTION | G.CALENDAR)) && (!(bits[i]! & G.COMMON) || (bits[i]! & G.NAME) !== 0);
    const and = tk.char(t + 3) === 0x26 || tk.isWord(t + 3, 'and');
    const ok = member(t) && tk.char(t + 1) === 0x2c && member(t + 2) && and && member(t + 4) && tk.char(t + 5) !== 0x2c && tk.char(t - 1) !== 0x2c;
    return ok ? t + 4 : -1;
  }

  /**
   * Lower-case names: a given name after a person cue ("with patricia
   * desrosiers", "my name is borna"), or a given name and a surname that are
   * no English words ("eva kleist lives"). Returns the next token to read.
   */
  private lowerCase(tk: Tokens, t: number, out: Finding[]): number {
    const bits = this.wordFlags(tk, t);
    if (!(bits & G.NAME) || bits & (G.VOCAB | G.FUNCTION)) return t + 1;
    const next = this.wordFlags(tk, t + 1);
    const pair = tk.has(t + 1, T.WORD) && !tk.has(t + 1, T.CAP | T.NEWLINE | T.ALNUM) && next & G.NAME && !(next & (G.VOCAB | G.FUNCTION | G.COMMON)) && lowerOnly(tk, t) && lowerOnly(tk, t + 1);
    if (!pair && !(this.cueBefore(tk, t) & G.PERSON_CUE)) return t + 1;
    let last = t;
    while (last + 1 < tk.count && tk.has(last + 1, T.WORD) && !tk.has(last + 1, T.NEWLINE) && this.wordFlags(tk, last + 1) & G.NAME && !(this.wordFlags(tk, last + 1) & G.COMMON)) last++;
    out.push({ entityType: Entities.person, start: tk.start[t]!, end: tk.end[last]!, score: 0.6, recognizer: this.name });
    return last + 1;
  }

  private wordFlags(tk: Tokens, t: number): number {
    return tk.lookup(this.g.table)[t]!;
  }

  /** Cue bits of the one to three words before token `t` (a `:` or `,` between is skipped). */
  private cueBefore(tk: Tokens, t: number): number {
    let e = t - 1;
    if (e >= 0 && (tk.char(e) === 0x3a || tk.char(e) === 0x2c)) e--;
    if (e < 0) return 0;
    const wanted = G.PERSON_CUE | G.STRONG_PERSON_CUE | G.LOCATION_CUE | G.ORG_CUE | G.TITLE;
    const last = tk.lookup(this.g.table)[e]!;
    let bits = last & wanted;
    if (last & G.CUE_TAIL) for (let s = e - 1; s >= 0 && s >= e - 3; s--) bits |= this.g.table.get(...tk.phrase(s, e)) & wanted;
    return bits & G.TITLE ? bits | G.PERSON_CUE : bits;
  }
}
