import type { CountryCode } from 'libphonenumber-js/max';
import { boosted, ContextWords } from '../analyzer/context-words.js';
import type { Finding, RecognizeContext, Recognizer } from '../analyzer/finding.js';
import { Entities } from '../entities.js';
import { PhonePlan } from './phone-plan.js';

/** Regions tried for a number written without `+`; Presidio's defaults plus common European ones. */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'AU', 'IT', 'ES', 'NL', 'BE', 'BR', 'IL', 'CA'];

const CANDIDATE = /(?:\+|00)?(?:\(\d{1,4}\)|\d)(?:[ .\-]?(?:\(\d{1,4}\)|\d)){6,16}(?:\s?(?:ext|x)\.?\s?\d{1,5})?(?![\w]|[.\/-]\d)/g;
const NOT_BEFORE = /[\w+.\/-]/;
const EXTENSION = /\s?(?:ext|x)\.?\s?\d{1,5}$/;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const SSN_SHAPE = /^\d{3}([- ])\d{2}\1\d{4}$/;

/**
 * Phone numbers in international and national formats, found by shape and
 * confirmed by libphonenumber's numbering plans, precompiled: a `+` number by
 * the plan of its calling code, a national number (at most 12 digits) by the
 * plan of a default region (possible length and national number pattern).
 * A `+` number, or a national one in three groups or more (or two groups of
 * nine digits or more), scores 0.6; a bare run or two short groups ("500 1000")
 * 0.3, so it needs a context word.
 */
export class PhoneRecognizer implements Recognizer {
  readonly name = 'phone';
  readonly entities = [Entities.phone];
  private readonly context = new ContextWords(['phone', 'telephone', 'tel', 'cell', 'cellphone', 'mobile', 'call', 'fax', 'contact', 'reach', 'text', 'whatsapp', 'sms', 'dial', 'office', 'answering', 'landline', 'hotline', 'voicemail', 'extension']);
  private readonly plan: PhonePlan;

  constructor(regions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS) {
    this.plan = new PhonePlan(regions);
  }

  analyze(text: string, ctx: RecognizeContext): Finding[] {
    const out: Finding[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
      if (m.index > 0 && NOT_BEFORE.test(text[m.index - 1]!)) {
        CANDIDATE.lastIndex = m.index + 1;
        continue;
      }
      const value = m[0].replace(/[\s.\-]+$/, '');
      if (DATE_LIKE.test(value) || DOTTED_QUAD.test(value) || SSN_SHAPE.test(value) || !this.valid(value)) continue;
      const groups = value.split(/[ ().-]+/).filter(Boolean).length;
      const grouped = value.startsWith('+') || groups >= 3 || (groups === 2 && value.replace(/\D/g, '').length >= 9);
      let score = grouped ? 0.6 : 0.3;
      if (this.context.near(ctx.lower, m.index, m.index + value.length)) score = boosted(score);
      out.push({ entityType: Entities.phone, start: m.index, end: m.index + value.length, score, recognizer: this.name });
    }
    return out;
  }

  private valid(value: string): boolean {
    const number = value.replace(EXTENSION, '');
    const intl = number.startsWith('+') || number.startsWith('00');
    const digits = (intl ? number.replace(/^(?:\+|00)(\d{1,3})\s?\(0\)/, '$1') : number).replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 17) return false;
    if (intl) return this.plan.international(number.startsWith('00') ? digits.slice(2) : digits);
    return digits.length <= 12 && this.plan.nationalRegions(digits).length > 0;
  }
}
