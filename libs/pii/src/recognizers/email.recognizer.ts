import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

/** An address whose domain ends in an alphabetic TLD of 2 to 24 letters. */
export const emailRecognizer = () =>
  new PatternRecognizer({
    name: 'email',
    entity: Entities.email,
    patterns: [
      {
        name: 'email',
        regex: /(?<![\w.%+-])[\w.%+-]*[\w%+-]@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-])/gi,
        score: 1,
      },
    ],
    context: ['email', 'e-mail', 'mail'],
  });
