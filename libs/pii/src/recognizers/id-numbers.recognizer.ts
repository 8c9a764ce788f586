import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';
import { nhsChecksum } from './checksums.js';

/**
 * Identity numbers whose shape alone says little: they reach the default
 * threshold only with a context word (Presidio scores them the same way).
 */
export const usDriverLicenseRecognizer = () =>
  new PatternRecognizer({
    name: 'us-driver-license',
    entity: Entities.usDriverLicense,
    patterns: [
      { name: 'dl-alnum', regex: /[A-Z]{1,2}\d{4,14}(?![\w-])/g, notPrecededBy: /[\w-]/, score: 0.3 },
      { name: 'dl-digits', regex: /(?<![\w-])\d{4}-\d{2}-\d{4}(?![\w-])|(?<![\w.-])\d{6,12}(?![\w-]|\.\d)/g, score: 0.2 },
    ],
    context: ["driver's license", 'driver license', 'drivers license', 'driving licence', "driver's licence", 'dl', 'dln', 'license number', 'licence number'],
  });

export const usPassportRecognizer = () =>
  new PatternRecognizer({
    name: 'us-passport',
    entity: Entities.usPassport,
    patterns: [
      { name: 'passport-digits', regex: /(?<![\w-])\d{9}(?![\w-])/g, score: 0.2 },
      { name: 'passport-next-gen', regex: /[A-Z]\d{8}(?![\w-])/g, notPrecededBy: /[\w-]/, score: 0.3 },
    ],
    context: ['passport', 'passport number', 'travel document'],
  });

export const ukNhsRecognizer = () =>
  new PatternRecognizer({
    name: 'uk-nhs',
    entity: Entities.ukNhs,
    patterns: [{ name: 'nhs', regex: /(?<![\d-])\d{3}([- ]?)\d{3}\1\d{4}(?![\d-])/g, score: 0.4 }],
    context: ['nhs', 'national health', 'health service', 'patient', 'medical'],
    validate: (value) => nhsChecksum(value.replace(/\D/g, '')),
  });
