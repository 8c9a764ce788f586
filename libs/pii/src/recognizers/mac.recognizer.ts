import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

/** Six hex pairs joined by `:` or `-` (one kind), or Cisco's three dotted quads. */
export const macRecognizer = () =>
  new PatternRecognizer({
    name: 'mac',
    entity: Entities.mac,
    patterns: [
      { name: 'mac', regex: /[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:-])/g, notPrecededBy: /[\w:-]/, score: 0.6, gate: /[0-9A-Fa-f][:-][0-9A-Fa-f]{2}[:-]/ },
      { name: 'mac-cisco', regex: /[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])/g, notPrecededBy: /[\w.]/, score: 0.6, gate: /[0-9A-Fa-f]\.[0-9A-Fa-f]{4}\./ },
    ],
    context: ['mac', 'ethernet', 'hardware', 'nic', 'device'],
    validate: (value) => !/^(?:00[:.-]?){5}00$|^(?:ff[:.-]?){5}ff$/i.test(value) || 0.3,
  });
