import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';
import { luhn } from './checksums.js';

/** Separators only between the usual groups: 4-4-4-4(-3), 4-6-5 (Amex) or 4-6-4 (Diners). */
const GROUPED = /^\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?$|^\d{4}([ -])\d{6}\2\d{4,5}$/;

/** 13 to 19 digits (spaces or dashes between groups) from a card issuer's range, with a valid Luhn digit. */
export const creditCardRecognizer = () =>
  new PatternRecognizer({
    name: 'credit-card',
    entity: Entities.creditCard,
    patterns: [{ name: 'card', regex: /(?<![\d.,-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d]|[.,-]\d)/g, score: 1 }],
    context: ['credit', 'card', 'visa', 'mastercard', 'amex', 'cc', 'debit'],
    validate: (value) => {
      const digits = value.replace(/\D/g, '');
      if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
      if (/[ -]/.test(value) && !GROUPED.test(value)) return false;
      return luhn(digits);
    },
  });
