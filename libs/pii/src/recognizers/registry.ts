import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { PiiConfig, PiiRecognizerConfig } from '@helix/config';
import { Analyzer } from '../analyzer/analyzer.js';
import { DenyListRecognizer } from '../analyzer/deny-list.recognizer.js';
import type { Recognizer } from '../analyzer/finding.js';
import { PatternRecognizer, type Validator } from '../analyzer/pattern.recognizer.js';
import { luhn, nhsChecksum } from './checksums.js';
import { creditCardRecognizer } from './credit-card.recognizer.js';
import { cryptoRecognizer } from './crypto.recognizer.js';
import { ageRecognizer, dateRecognizer } from './date-age.recognizer.js';
import { emailRecognizer } from './email.recognizer.js';
import { ibanRecognizer } from './iban.recognizer.js';
import { ukNhsRecognizer, usDriverLicenseRecognizer, usPassportRecognizer } from './id-numbers.recognizer.js';
import { ipRecognizer } from './ip.recognizer.js';
import { macRecognizer } from './mac.recognizer.js';
import { addressRecognizer } from './ner/address.recognizer.js';
import { NerRecognizer } from './ner/ner.recognizer.js';
import { PhoneRecognizer } from './phone.recognizer.js';
import { authTokenRecognizer, connectionStringRecognizer, jwtRecognizer, privateKeyRecognizer, vendorKeyRecognizer } from './secrets/secret-patterns.js';
import { SecretlintRecognizer } from './secrets/secretlint.recognizer.js';
import { urlRecognizer } from './url.recognizer.js';
import { usSsnRecognizer } from './us-ssn.recognizer.js';

/** Every built-in recognizer, in one explicit list. */
export function builtInRecognizers(): Recognizer[] {
  return [
    emailRecognizer(),
    new PhoneRecognizer(),
    creditCardRecognizer(),
    usSsnRecognizer(),
    ibanRecognizer(),
    ipRecognizer(),
    urlRecognizer(),
    macRecognizer(),
    cryptoRecognizer(),
    usDriverLicenseRecognizer(),
    usPassportRecognizer(),
    ukNhsRecognizer(),
    dateRecognizer(),
    ageRecognizer(),
    new SecretlintRecognizer(),
    vendorKeyRecognizer(),
    jwtRecognizer(),
    privateKeyRecognizer(),
    connectionStringRecognizer(),
    authTokenRecognizer(),
    addressRecognizer(),
    new NerRecognizer(),
  ];
}

/** Checksums a custom recognizer may name. */
export const VALIDATORS: Record<NonNullable<PiiRecognizerConfig['validator']>, Validator> = {
  luhn: (v) => luhn(v.replace(/\D/g, '')),
  iban: (v) => isValidIBAN(electronicFormatIBAN(v) ?? ''),
  mod11: (v) => nhsChecksum(v.replace(/\D/g, '')),
};

export function customRecognizer(c: PiiRecognizerConfig): Recognizer {
  return new PatternRecognizer({
    name: c.name,
    entity: c.entity,
    patterns: c.patterns.map((p, i) => ({ name: `${c.name}#${i}`, regex: new RegExp(p, 'gu'), score: c.score })),
    context: c.context,
    validate: c.validator ? VALIDATORS[c.validator] : undefined,
  });
}

/** The analyzer a config describes: built-ins, then custom and deny-list recognizers, all compiled now. */
export function buildAnalyzer(cfg: PiiConfig, builtIns: readonly Recognizer[] = builtInRecognizers()): Analyzer {
  return new Analyzer({
    recognizers: [...builtIns, ...cfg.recognizers.map(customRecognizer), ...cfg.denyList.map((d) => new DenyListRecognizer(d.entity, d.values))],
    defaultThreshold: cfg.defaultThreshold,
    thresholds: new Map(cfg.thresholds.map((t) => [t.entity, t.score])),
    allowList: new Set(cfg.allowList.map((v) => v.toLowerCase())),
  });
}
