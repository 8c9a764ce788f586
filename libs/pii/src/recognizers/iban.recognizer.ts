import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

/** Country code, check digits, then up to 30 characters in groups of four (either case); the country's length and the mod-97 checksum decide. */
export const ibanRecognizer = () =>
  new PatternRecognizer({
    name: 'iban',
    entity: Entities.iban,
    patterns: [
      { name: 'iban', regex: /[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}(?![A-Za-z0-9])/g, notPrecededBy: /[A-Za-z0-9]/, score: 1 },
      { name: 'iban-lower', regex: /[a-z]{2}\d{2}[a-z0-9]{11,30}(?![A-Za-z0-9])/g, notPrecededBy: /[A-Za-z0-9]/, score: 1 },
    ],
    context: ['iban', 'bank', 'transaction', 'account'],
    validate: (value) => isValidIBAN(electronicFormatIBAN(value.toUpperCase()) ?? ''),
  });
