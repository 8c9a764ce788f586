import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';
import { luhn } from './checksums.js';

/** Separators only between the usual groups: 4-4-4-4(-3), 4-6-5 (Amex) or 4-6-4 (Diners). */
const GROUPED = /^\d{4}([ .-])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?$|^\d{4}([ -])\d{6}\2\d{4,5}$/;

/**
 * 12 to 19 digits (spaces, dashes or dots between groups) with a valid Luhn
 * digit. 14 digits or more from an issuer's range (2-6, and the 15-digit UATP
 * and JCB ranges that start with 1) are cards on their own; 12-13 digit numbers
 * (Maestro) only next to a card word.
 */
export const creditCardRecognizer = () =>
  new PatternRecognizer({
    name: 'credit-card',
    entity: Entities.creditCard,
    patterns: [{ name: 'card', regex: /[1-6]\d{3}(?:[ .-]?\d){8,15}(?![\d]|[.,-]\d)/g, notPrecededBy: /[\d.,-]/, score: 1 }],
    context: ['credit', 'card', 'visa', 'mastercard', 'amex', 'cc', 'debit', 'maestro'],
    validate: (value) => {
      const digits = value.replace(/\D/g, '');
      if (digits.length < 12 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
      if (/[ .-]/.test(value) && !GROUPED.test(value)) return false;
      if (!luhn(digits)) return false;
      if (digits.length < 14) return 0.3;
      return digits[0] !== '1' || digits.length === 15 ? 1 : false;
    },
  });
