import { PatternRecognizer } from '../../analyzer/pattern.recognizer.js';
import { Entities } from '../../entities.js';
import { STREET_PREFIXES, STREET_SUFFIXES, STREET_WORD_ENDINGS } from './word-lists.js';

const alt = (words: readonly string[]) => words.map((w) => w.replace(/\./g, '\\.')).join('|');
const WORD = "\\p{Lu}[\\p{L}\\p{M}.'’-]*";
const ENDINGS = STREET_WORD_ENDINGS.source.slice(3, -2);

/** Street addresses as LOCATION: "12 Main Street", "Rue de Piétrain 371", "Harjukuja 54", "Suite 727", "P.O. Box 287"; postcodes with context. */
export const addressRecognizer = () =>
  new PatternRecognizer({
    name: 'address',
    entity: Entities.location,
    patterns: [
      { name: 'number-street', regex: new RegExp(`\\b\\d{1,5}[A-Za-z]?,?(?:\\s+${WORD}){1,4}\\s+(?:${alt(STREET_SUFFIXES)})\\b\\.?`, 'giu'), score: 0.7 },
      { name: 'street-prefix', regex: new RegExp(`(?<![\\p{L}])(?:${alt(STREET_PREFIXES)})\\s+(?:[\\p{L}\\p{M}.'’-]+\\s+){0,4}\\d{1,5}[A-Za-z]?\\b`, 'giu'), score: 0.65 },
      { name: 'street-word', regex: new RegExp(`(?<![\\p{L}])\\p{Lu}[\\p{L}\\p{M}-]*(?:${ENDINGS})\\s+\\d{1,5}[A-Za-z]?\\b`, 'gu'), score: 0.7 },
      { name: 'unit', regex: /\b(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|P\.\s?O\.\s?Box|PO Box)\s*#?\s?\d{1,6}[A-Za-z]?\b/gi, score: 0.6 },
      { name: 'postcode', regex: /(?<![\w-])(?:\d{4,5}(?:-\d{3,4})?|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d)(?![\w-])/g, score: 0.2 },
    ],
    context: ['address', 'zip', 'zip code', 'postcode', 'postal code', 'postal', 'street', 'lives at', 'live at', 'ship to', 'deliver to', 'mailing'],
  });
