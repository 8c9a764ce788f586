import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

const INVALID = new Set(['123456789', '078051121', '219099999', '457555462']);

/** Presidio's US SSN rules: AAA-GG-SSSS with one kind of delimiter, no zero group, no 000/666/9xx area. */
function validSsn(value: string): boolean | number {
  const delims = new Set(value.replace(/\d/g, ''));
  if (delims.size > 1) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length !== 9 || INVALID.has(digits) || /^(\d)\1{8}$/.test(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  return area[0] === '9' ? false : true;
}

export const usSsnRecognizer = () =>
  new PatternRecognizer({
    name: 'us-ssn',
    entity: Entities.usSsn,
    patterns: [
      { name: 'ssn-delimited', regex: /(?<![\d-])\d{3}([- .])\d{2}\1\d{4}(?![\d-]|\.\d)/g, score: 0.5 },
      { name: 'ssn-bare', regex: /(?<![\d.-])\d{9}(?![\d-]|\.\d)/g, score: 0.05 },
    ],
    context: ['social', 'security', 'ssn', 'ssns', 'ssn#', 'ss#', 'ssid'],
    validate: validSsn,
  });
