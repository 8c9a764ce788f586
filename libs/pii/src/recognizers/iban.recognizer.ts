import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

/** Country code, check digits, then up to 30 characters in groups of four; the mod-97 checksum decides. */
export const ibanRecognizer = () =>
  new PatternRecognizer({
    name: 'iban',
    entity: Entities.iban,
    patterns: [{ name: 'iban', regex: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}(?![A-Za-z0-9])/g, score: 1 }],
    context: ['iban', 'bank', 'transaction', 'account'],
    validate: (value) => isValidIBAN(electronicFormatIBAN(value) ?? ''),
  });
