import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

/** Six hex pairs joined by `:` or `-` (one kind), or Cisco's three dotted quads. */
export const macRecognizer = () =>
  new PatternRecognizer({
    name: 'mac',
    entity: Entities.mac,
    patterns: [
      { name: 'mac', regex: /(?<![\w:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:-])/g, score: 0.6 },
      { name: 'mac-cisco', regex: /(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])/g, score: 0.6 },
    ],
    context: ['mac', 'ethernet', 'hardware', 'nic', 'device'],
    validate: (value) => !/^(?:00[:.-]?){5}00$|^(?:ff[:.-]?){5}ff$/i.test(value) || 0.3,
  });
