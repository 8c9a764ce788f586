import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

/** An address whose domain ends in a TLD of 2 to 24 letters (any script, or punycode `xn--`), or is an IPv4 literal. */
export const emailRecognizer = () =>
  new PatternRecognizer({
    name: 'email',
    entity: Entities.email,
    patterns: [
      {
        name: 'email',
        regex: /(?<![\w.%+-])[\w.%+-]*[\w%+-]@(?:(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,24}|xn--[a-z0-9-]{2,59})|\d{1,3}(?:\.\d{1,3}){3})(?![\w-]|\.\w)/giu,
        score: 1,
        gate: '@',
      },
    ],
    context: ['email', 'e-mail', 'mail'],
  });
