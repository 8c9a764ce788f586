import { isIPv6 } from 'node:net';
import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/** IPv4 with valid octets (and an optional /prefix), and IPv6 as Node's parser accepts it. */
export const ipRecognizer = () =>
  new PatternRecognizer({
    name: 'ip',
    entity: Entities.ip,
    patterns: [
      { name: 'ipv4', regex: new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?:/\\d{1,2})?(?![\\w-]|\\.\\d)`, 'g'), score: 0.6 },
      { name: 'ipv6', regex: /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{0,4}|\d{1,3}(?:\.\d{1,3}){3})(?:%\w+)?(?![\w:.])/gi, score: 0.6, gate: /[0-9a-f]?:[0-9a-f]{0,4}:/i },
    ],
    context: ['ip', 'ipv4', 'ipv6', 'address', 'host', 'server'],
    validate: (value) => {
      if (!value.includes(':')) return true;
      const addr = value.replace(/%\w+$/, '');
      if (!isIPv6(addr)) return false;
      return /^:*$/.test(addr) ? 0.1 : true;
    },
  });
