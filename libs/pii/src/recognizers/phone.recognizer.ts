import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { boosted, ContextWords } from '../analyzer/context-words.js';
import type { Finding, RecognizeContext, Recognizer } from '../analyzer/finding.js';
import { Entities } from '../entities.js';

/** Regions tried for a number written without `+`; Presidio's defaults plus common European ones. */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'AU', 'IT', 'ES', 'NL', 'BE', 'BR', 'IL', 'CA'];

const CANDIDATE = /(?<![\w+.\/-])(?:\+|00)?(?:\(\d{1,4}\)|\d)(?:[ .\-]?(?:\(\d{1,4}\)|\d)){6,16}(?:\s?(?:ext|x)\.?\s?\d{1,5})?(?![\w]|[.\/-]\d)/g;
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const SSN_SHAPE = /^\d{3}([- ])\d{2}\1\d{4}$/;

/**
 * Phone numbers in international and national formats, found by shape and
 * confirmed by libphonenumber: valid for some region (or in the `+` region it
 * names). Grouped digits score higher than a bare run; context words raise both.
 */
export class PhoneRecognizer implements Recognizer {
  readonly name = 'phone';
  readonly entities = [Entities.phone];
  private readonly context = new ContextWords(['phone', 'telephone', 'tel', 'cell', 'cellphone', 'mobile', 'call', 'fax', 'contact', 'reach', 'text', 'whatsapp', 'sms', 'dial']);

  constructor(private readonly regions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS) {}

  analyze(text: string, ctx: RecognizeContext): Finding[] {
    const out: Finding[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const value = m[0].replace(/[\s.\-]+$/, '');
      if (DATE_LIKE.test(value) || DOTTED_QUAD.test(value) || SSN_SHAPE.test(value)) continue;
      const digits = value.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15) continue;
      if (!this.valid(value)) continue;
      const grouped = /^\+|[ ().-]/.test(value);
      let score = grouped ? 0.6 : 0.3;
      if (this.context.near(ctx.lower, m.index, m.index + value.length)) score = boosted(score);
      out.push({ entityType: Entities.phone, start: m.index, end: m.index + value.length, score, recognizer: this.name });
    }
    return out;
  }

  private valid(value: string): boolean {
    const intl = value.startsWith('+') ? value : value.startsWith('00') ? `+${value.slice(2)}` : undefined;
    if (intl) return parsePhoneNumberFromString(intl)?.isValid() ?? false;
    return this.regions.some((r) => parsePhoneNumberFromString(value, r)?.isValid() ?? false);
  }
}
