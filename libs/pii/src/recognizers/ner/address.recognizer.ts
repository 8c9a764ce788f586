import type { Finding, RecognizeContext, Recognizer } from '../../analyzer/finding.js';
import { Entities } from '../../entities.js';
import { T, type Tokens } from '../../text/tokens.js';
import { gazetteer, type Gazetteer } from './gazetteer.js';
import { AddressParts } from './address-parts.js';

/** Scores of an address by its evidence: a strong part or three parts; two parts; one weak part. */
const STRONG = 0.85;
const WEAK = 0.4;

/**
 * Street addresses as LOCATION, from tokens: a street part ("12 Main Street",
 * "Rue de Piétrain 371", "Kiannonkatu 98", "20789 Allika 46"), a unit ("Suite
 * 727", "P.O. Box 287", "PSC 0413"), or a "City, ST 12345" part anchors the
 * address; it then grows over the neighbouring parts of the same address
 * (further numbers, units, city and region names, state codes, countries,
 * postcodes) across commas and line breaks, so the whole block is one span.
 * A postcode alone counts only after a postcode word.
 */
export class AddressRecognizer implements Recognizer {
  readonly name = 'address';
  readonly entities = [Entities.location];

  constructor(private readonly g: Gazetteer = gazetteer()) {}

  analyze(_text: string, ctx: RecognizeContext): Finding[] {
    const tk = ctx.tokens;
    const parts = new AddressParts(tk, this.g);
    const out: Finding[] = [];
    for (let t = 0; t < tk.count; t++) {
      if (!(tk.flags[t]! & (T.NUM | T.WORD | T.ALNUM))) continue;
      const first = parts.anchor(t);
      if (first < 0) {
        if (parts.postcodeWithCue(t)) out.push(this.finding(tk, t, t, 0.6));
        continue;
      }
      let s = t;
      let e = first;
      let n = 1;
      let strong = parts.strong;
      for (let p = parts.before(s); p >= 0; p = parts.before(s)) {
        s = p;
        n++;
        strong ||= parts.strong;
      }
      for (let p = parts.after(e); p >= 0; p = parts.after(e)) {
        e = p;
        n++;
        strong ||= parts.strong;
      }
      const score = strong || n >= 3 ? STRONG : n === 2 ? 0.7 : WEAK;
      out.push(this.finding(tk, s, e, score));
      t = e;
    }
    return out;
  }

  private finding(tk: Tokens, s: number, e: number, score: number): Finding {
    return { entityType: Entities.location, start: tk.start[s]!, end: tk.end[e]!, score, recognizer: this.name };
  }
}

export const addressRecognizer = () => new AddressRecognizer();
